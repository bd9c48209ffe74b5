package io.configspec.engine.decoding;

/**
 * How to decode.
 *
 * @param k speculative length K ≥ 0 (0 = the target alone, one token per round)
 * @param temperature 0 for greedy decoding, otherwise the softmax temperature (> 0)
 * @param topP nucleus mass in (0, 1]; 1 disables top-p
 * @param seed seed of the sampler (ignored when greedy)
 * @param dynamicThreshold dynamic drafting (WISP): stop drafting at a token whose predicted
 *     acceptance is below this (in [0, 1]; predicted from the drafter's per-token statistics, by
 *     default its own confidence); 0 disables
 * @param eosTokenId token that ends generation, or -1 for none
 */
public record DecodingSettings(
    int k,
    double temperature,
    double topP,
    long seed,
    double dynamicThreshold,
    int eosTokenId
) {
    public DecodingSettings {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, was " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
        if (!(dynamicThreshold >= 0 && dynamicThreshold <= 1)) {
            throw new IllegalArgumentException("dynamicThreshold must be in [0, 1], was " + dynamicThreshold);
        }
    }

    /** Greedy speculative decoding with speculative length {@code k}. */
    public static DecodingSettings greedy(int k) {
        return new DecodingSettings(k, 0, 1, 0, 0, -1);
    }

    /** Sampling at {@code temperature} with nucleus {@code topP}. */
    public static DecodingSettings sampling(int k, double temperature, double topP, long seed) {
        return new DecodingSettings(k, temperature, topP, seed, 0, -1);
    }

    public boolean greedy() {
        return temperature == 0;
    }

    public boolean dynamic() {
        return dynamicThreshold > 0;
    }

    public DecodingSettings withK(int newK) {
        return new DecodingSettings(newK, temperature, topP, seed, dynamicThreshold, eosTokenId);
    }

    public DecodingSettings withDynamicThreshold(double threshold) {
        return new DecodingSettings(k, temperature, topP, seed, threshold, eosTokenId);
    }

    public DecodingSettings withEos(int tokenId) {
        return new DecodingSettings(k, temperature, topP, seed, dynamicThreshold, tokenId);
    }
}
