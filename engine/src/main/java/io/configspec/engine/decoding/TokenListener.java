package io.configspec.engine.decoding;

/** Receives generated tokens as they are committed, on the decoding thread. */
@FunctionalInterface
public interface TokenListener {
    /** Called once per committed token, in order; {@code index} counts from 0. */
    void onToken(int index, int tokenId);

    TokenListener NONE = (index, tokenId) -> {};
}
