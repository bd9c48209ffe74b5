package io.configspec.engine.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.engine.measure.ProfilingContext;
import io.configspec.engine.measure.ProfilingRequest;
import io.configspec.engine.sensors.SensorSampler;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs at most one profiling job at a time on its own thread, independent of the HTTP exchange
 * that started it (a client that disconnects does not affect the job). Keeps the last finished
 * jobs for status queries. Thread-safe.
 */
public final class JobManager implements AutoCloseable {

    private static final int KEPT_JOBS = 16;

    private final JobRunner runner;
    private final SensorSampler sensors;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "configspec-job");
        t.setDaemon(true);
        return t;
    });
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private Job current;

    public JobManager(JobRunner runner, SensorSampler sensors) {
        this.runner = runner;
        this.sensors = sensors;
    }

    /** One job's mutable state; its snapshot is {@link #status()}. */
    private final class Job implements ProfilingContext {

        final String id;
        final ProfilingRequest request;
        final long startedEpochMillis = System.currentTimeMillis();
        volatile JobState state = JobState.RUNNING;
        volatile double progress;
        volatile String message = "starting";
        volatile long finishedEpochMillis;
        volatile JsonNode result;
        volatile boolean cancelRequested;
        volatile double liveTokensPerSecond = Double.NaN;
        volatile double liveJoulesPerToken = Double.NaN;
        Future<?> future;

        Job(String id, ProfilingRequest request) {
            this.id = id;
            this.request = request;
        }

        @Override
        public void progress(double fraction, String newMessage) {
            progress = Math.max(0, Math.min(1, fraction));
            message = newMessage;
        }

        @Override
        public void live(double tokensPerSecond, double joulesPerToken) {
            liveTokensPerSecond = tokensPerSecond;
            liveJoulesPerToken = joulesPerToken;
        }

        @Override
        public boolean cancelled() {
            return cancelRequested;
        }

        @Override
        public SensorSampler sensors() {
            return sensors;
        }

        void run() {
            try {
                JsonNode output = runner.run(request, this);
                if (cancelRequested) {
                    finish(JobState.CANCELLED, "cancelled", null);
                } else {
                    progress = 1.0;
                    finish(JobState.SUCCEEDED, "done", output);
                }
            } catch (CancellationException e) {
                finish(JobState.CANCELLED, "cancelled", null);
            } catch (InterruptedException e) {
                finish(JobState.CANCELLED, "cancelled", null);
            } catch (Exception | Error e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                finish(
                    cancelRequested ? JobState.CANCELLED : JobState.FAILED,
                    cancelRequested ? "cancelled" : why,
                    null
                );
            }
        }

        void finish(JobState finalState, String finalMessage, JsonNode output) {
            result = output;
            message = finalMessage;
            finishedEpochMillis = System.currentTimeMillis();
            state = finalState;
        }

        JobStatus status() {
            return new JobStatus(
                id,
                state,
                progress,
                message,
                request,
                startedEpochMillis,
                finishedEpochMillis,
                result,
                liveTokensPerSecond,
                liveJoulesPerToken
            );
        }
    }

    /**
     * Starts a job.
     *
     * @throws JobConflictException if a job is running
     */
    public synchronized JobStatus submit(ProfilingRequest request) throws JobConflictException {
        if (current != null && !current.state.finished()) {
            throw new JobConflictException(current.id);
        }
        String id = HexFormat.of().formatHex(randomBytes());
        Job job = new Job(id, request);
        jobs.put(id, job);
        while (jobs.size() > KEPT_JOBS) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        current = job;
        job.future = executor.submit(job::run);
        return job.status();
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }

    public synchronized Optional<JobStatus> status(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::status);
    }

    /** The running job, if any. */
    public synchronized Optional<JobStatus> running() {
        return current != null && !current.state.finished()
            ? Optional.of(current.status())
            : Optional.empty();
    }

    /**
     * Asks a job to stop: it ends as CANCELLED at its next check (or finishes first).
     *
     * @return the job's status after the request, empty if unknown
     */
    public synchronized Optional<JobStatus> cancel(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        if (!job.state.finished()) {
            job.cancelRequested = true;
            job.message = "cancelling";
        }
        return Optional.of(job.status());
    }

    /** Cancels the running job and waits up to {@code waitMillis} for it to end. */
    @Override
    public void close() {
        close(5000);
    }

    public void close(long waitMillis) {
        Job job;
        synchronized (this) {
            job = current;
        }
        if (job != null && !job.state.finished()) {
            job.cancelRequested = true;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
