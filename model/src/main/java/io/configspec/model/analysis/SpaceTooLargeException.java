package io.configspec.model.analysis;

import java.util.Locale;

/**
 * A configuration space too large to hold in this JVM's memory, refused before it is built. The
 * message is one sentence: how many configurations, the memory they need, and which kMax or heap
 * size would do. The command line exits with code 2.
 */
public final class SpaceTooLargeException extends RuntimeException {

    private final transient SpaceSize size;

    SpaceTooLargeException(SpaceSize size, long availableBytes, long maxHeapBytes) {
        super(sentence(size, availableBytes, maxHeapBytes), null, false, false);
        this.size = size;
    }

    public SpaceSize size() {
        return size;
    }

    private static String sentence(SpaceSize size, long availableBytes, long maxHeapBytes) {
        int fittingKMax = size.largestFittingKMax(availableBytes);
        long heapGb = (long) Math.ceil(
            (size.totalBytes() / SpaceSize.HEAP_SHARE + (maxHeapBytes - availableBytes)) / 1e9
        );
        String narrower = fittingKMax >= size.kMin()
            ? "lower kMax to " + fittingKMax + " or less (--set kMax=" + fittingKMax + ")"
            : "evaluate fewer devices, drafters or targets";
        String more = size.configurations() > SpaceSize.MAX_ROWS
            ? "; more memory cannot help past " +
              String.format(Locale.ROOT, "%,d", SpaceSize.MAX_ROWS) +
              " rows"
            : " or give Java more memory (-Xmx" + Math.max(1, heapGb) + "g)";
        return String.format(
            Locale.ROOT,
            "The configuration space has %,d configurations (%,d combinations × K %d-%d), which need about %s to evaluate with their front, but this Java has %s free of %s; %s%s.",
            size.configurations(),
            size.combinations(),
            size.kMin(),
            size.kMax(),
            SpaceSize.inWords(size.totalBytes()),
            SpaceSize.inWords(availableBytes),
            SpaceSize.inWords(maxHeapBytes),
            narrower,
            more
        );
    }
}
