package io.configspec.model.fleet;

import java.util.Arrays;

/**
 * The simulator's priority queue of events: an indexed binary min-heap over a fixed set of
 * entities (devices and the server), each with at most one pending event. Rescheduling an entity
 * moves its entry instead of adding another, so the heap never holds stale events and never
 * allocates after construction. Ties in time go to the lower entity index (deterministic order;
 * the server has the highest index, so devices due at the same instant are handled first).
 */
final class EventQueue {

    private final double[] time;
    private final int[] heap;
    private final int[] position;
    private int size;

    EventQueue(int entities) {
        time = new double[entities];
        heap = new int[entities];
        position = new int[entities];
        Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    int peekEntity() {
        return heap[0];
    }

    double peekTime() {
        return time[heap[0]];
    }

    boolean contains(int entity) {
        return position[entity] >= 0;
    }

    double timeOf(int entity) {
        return time[entity];
    }

    /** Removes and returns the entity with the earliest event. */
    int poll() {
        int top = heap[0];
        removeAt(0);
        return top;
    }

    /** Sets (or moves) {@code entity}'s event to {@code at}. */
    void schedule(int entity, double at) {
        int p = position[entity];
        if (p < 0) {
            time[entity] = at;
            place(entity, size);
            siftUp(size++);
        } else {
            double old = time[entity];
            time[entity] = at;
            if (at < old) {
                siftUp(p);
            } else {
                siftDown(p);
            }
        }
    }

    /** Drops {@code entity}'s pending event, if any. */
    void remove(int entity) {
        int p = position[entity];
        if (p >= 0) {
            removeAt(p);
        }
    }

    private void removeAt(int p) {
        int removed = heap[p];
        position[removed] = -1;
        size--;
        if (p == size) {
            return;
        }
        int last = heap[size];
        place(last, p);
        siftDown(p);
        if (heap[p] == last) {
            siftUp(p);
        }
    }

    private boolean less(int a, int b) {
        double ta = time[a];
        double tb = time[b];
        return ta < tb || (ta == tb && a < b);
    }

    private void siftUp(int p) {
        int e = heap[p];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int pe = heap[parent];
            if (!less(e, pe)) {
                break;
            }
            place(pe, p);
            p = parent;
        }
        place(e, p);
    }

    private void siftDown(int p) {
        int e = heap[p];
        int half = size >>> 1;
        while (p < half) {
            int child = 2 * p + 1;
            int ce = heap[child];
            int right = child + 1;
            if (right < size && less(heap[right], ce)) {
                child = right;
                ce = heap[child];
            }
            if (!less(ce, e)) {
                break;
            }
            place(ce, p);
            p = child;
        }
        place(e, p);
    }

    /** Puts event {@code e} at heap slot {@code p}, keeping its recorded position in step. */
    private void place(int e, int p) {
        heap[p] = e;
        position[e] = p;
    }
}
