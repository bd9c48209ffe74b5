package io.configspec.engine.onnx;

/**
 * ONNX Runtime settings for one model.
 *
 * @param intraOpThreads threads inside one operator (≥ 1; 1 keeps a shared machine usable)
 * @param interOpThreads threads across operators (≥ 1; the engine runs graphs sequentially)
 * @param allowSpinning whether idle ORT worker threads spin-wait (lower latency, burns CPU)
 */
public record EngineOptions(int intraOpThreads, int interOpThreads, boolean allowSpinning) {
    public EngineOptions {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be >= 1, was " + intraOpThreads);
        }
        if (interOpThreads < 1) {
            throw new IllegalArgumentException("interOpThreads must be >= 1, was " + interOpThreads);
        }
    }

    /** One intra-op thread, no spinning: polite on a shared or small machine. */
    public static EngineOptions defaults() {
        return new EngineOptions(1, 1, false);
    }

    public EngineOptions withIntraOpThreads(int threads) {
        return new EngineOptions(threads, interOpThreads, allowSpinning);
    }
}
