package io.configspec.model.fleet;

/**
 * One device's request to verify its drafted tokens, as a verification scheduler sees it. Used
 * unchanged by the fleet simulator and the real verification service, so it carries no simulator
 * state: times are seconds on whatever monotonic clock the caller uses for {@code now}.
 *
 * @param id caller-chosen identifier (unique among pending requests)
 * @param clientId the device or client that sent it
 * @param arrivalSeconds when it reached the server
 * @param deadlineSeconds when its verification must be finished for the client to stay within
 *        its SLO ({@code +∞} if it has none)
 * @param verifiedTokens positions to verify: drafted tokens + 1 (the bonus position), ≥ 1
 * @param contextTokens tokens already in the client's context (prompt + generated), ≥ 0
 * @param expectedTokens tokens this verification is expected to produce (its value), &gt; 0
 */
public record VerificationRequest(
    long id,
    int clientId,
    double arrivalSeconds,
    double deadlineSeconds,
    int verifiedTokens,
    int contextTokens,
    double expectedTokens
) {
    public VerificationRequest {
        if (verifiedTokens < 1) {
            throw new IllegalArgumentException("verifiedTokens must be ≥ 1, was " + verifiedTokens);
        }
        if (contextTokens < 0) {
            throw new IllegalArgumentException("contextTokens must be ≥ 0, was " + contextTokens);
        }
        if (!(expectedTokens > 0)) {
            throw new IllegalArgumentException("expectedTokens must be > 0, was " + expectedTokens);
        }
        if (Double.isNaN(arrivalSeconds) || Double.isNaN(deadlineSeconds)) {
            throw new IllegalArgumentException("arrivalSeconds and deadlineSeconds must not be NaN");
        }
    }
}
