package io.configspec.model.fleet;

/**
 * One device's request to verify its drafted tokens, as a verification scheduler sees it. Used
 * unchanged by the fleet simulator and the real verification service, so it carries no simulator
 * state: times are seconds on whatever monotonic clock the caller uses for {@code now}.
 *
 * <p>Its composition — new positions to verify, prompt tokens to prefill, context already cached —
 * is what it costs a batch ({@link VerificationTimeEstimator}): a member with a long context or a
 * prefill makes every member of its batch wait longer (verification interference).
 *
 * @param id caller-chosen identifier (unique among pending requests)
 * @param clientId the device or client that sent it
 * @param arrivalSeconds when it reached the server
 * @param deadlineSeconds when its verification must be finished for the client to stay within
 *        its SLO ({@code +∞} if it has none)
 * @param targetSeconds when the client would like it finished to keep an even pace towards its
 *        SLO (its slack spread over its remaining rounds), ≤ {@code deadlineSeconds}; a scheduler
 *        may defer a heavy request until then, not later
 * @param verifiedTokens positions to verify: drafted tokens + 1 (the bonus position), ≥ 1
 * @param prefillTokens prompt tokens the server must process first (the request's first round:
 *        its KV cache does not hold the prompt yet), 0 otherwise, ≥ 0
 * @param contextTokens tokens already in the client's KV cache on the server, ≥ 0
 * @param expectedTokens tokens this verification is expected to produce (its value), &gt; 0
 */
public record VerificationRequest(
    long id,
    int clientId,
    double arrivalSeconds,
    double deadlineSeconds,
    double targetSeconds,
    int verifiedTokens,
    int prefillTokens,
    int contextTokens,
    double expectedTokens
) {
    public VerificationRequest {
        if (verifiedTokens < 1) {
            throw new IllegalArgumentException("verifiedTokens must be ≥ 1, was " + verifiedTokens);
        }
        if (prefillTokens < 0) {
            throw new IllegalArgumentException("prefillTokens must be ≥ 0, was " + prefillTokens);
        }
        if (contextTokens < 0) {
            throw new IllegalArgumentException("contextTokens must be ≥ 0, was " + contextTokens);
        }
        if (!(expectedTokens > 0)) {
            throw new IllegalArgumentException("expectedTokens must be > 0, was " + expectedTokens);
        }
        if (Double.isNaN(arrivalSeconds) || Double.isNaN(deadlineSeconds) || Double.isNaN(targetSeconds)) {
            throw new IllegalArgumentException(
                "arrivalSeconds, deadlineSeconds and targetSeconds must not be NaN"
            );
        }
        targetSeconds = Math.min(targetSeconds, deadlineSeconds);
    }

    /** A request without prefill (its prompt is already in the server's KV cache). */
    public VerificationRequest(
        long id,
        int clientId,
        double arrivalSeconds,
        double deadlineSeconds,
        int verifiedTokens,
        int contextTokens,
        double expectedTokens
    ) {
        this(
            id,
            clientId,
            arrivalSeconds,
            deadlineSeconds,
            deadlineSeconds,
            verifiedTokens,
            0,
            contextTokens,
            expectedTokens
        );
    }

    /** Whether the server must prefill this request's prompt before verifying. */
    public boolean needsPrefill() {
        return prefillTokens > 0;
    }
}
