package io.configspec.app.explorer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Library field names read as words with units, whatever the keys in brackets hold. */
class FieldLabelsTest {

    @Test
    void anIndexReadsAsANumberFromOne() {
        assertEquals(
            "drafting #3 · speed = 12.40 tokens/s",
            FieldLabels.display("drafting[2].tokensPerSecond", 12.4)
        );
    }

    @Test
    void dotsInsideAKeyDoNotSplitTheName() {
        // the paper's model ids carry version dots (llama-3.2-1b, qwen3-0.6b)
        assertEquals(
            "drafting [llama-3.2-1b-instruct/q4_k_m] · speed = 93.14 tokens/s",
            FieldLabels.display("drafting[llama-3.2-1b-instruct/q4_k_m].tokensPerSecond", 93.14)
        );
        assertEquals("W", FieldLabels.unit("drafting[qwen3-0.6b/q8_0].powerWatts"));
    }
}
