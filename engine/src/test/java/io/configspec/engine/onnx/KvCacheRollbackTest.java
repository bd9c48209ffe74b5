package io.configspec.engine.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.testing.SampleFamilyFixture;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Acceptance 3: after a rollback, the next logits equal a fresh computation of the prefix. */
class KvCacheRollbackTest {

    private static final double TOLERANCE = 1e-4;

    private static void assertRollbackMatchesFreshComputation(DecoderModel model) throws Exception {
        SampleFamilyFixture family = SampleFamilyFixture.get();
        int[] prompt = family.prompts().get(3);
        int[] rejected = { 17, 42, 99, 5, 8 };
        int keep = 2;
        int next = 61;
        float[] afterRollback;
        try (DecoderSession session = model.newSession()) {
            session.forward(prompt);
            session.forward(rejected);
            session.truncate(prompt.length + keep);
            assertEquals(prompt.length + keep, session.length());
            afterRollback = session.forward(new int[] { next })[0];
        }
        int[] prefix = Arrays.copyOf(prompt, prompt.length + keep + 1);
        System.arraycopy(rejected, 0, prefix, prompt.length, keep);
        prefix[prefix.length - 1] = next;
        float[] fresh;
        try (DecoderSession session = model.newSession()) {
            float[][] all = session.forward(prefix);
            fresh = all[all.length - 1];
        }
        for (int v = 0; v < fresh.length; v++) {
            assertEquals(fresh[v], afterRollback[v], TOLERANCE, "logit " + v);
        }
    }

    @Test
    void targetLogitsAfterRollbackEqualAFreshComputation() throws Exception {
        assertRollbackMatchesFreshComputation(SampleFamilyFixture.get().target());
    }

    @Test
    void drafterLogitsAfterRollbackEqualAFreshComputation() throws Exception {
        assertRollbackMatchesFreshComputation(
            SampleFamilyFixture.get().model(SampleFamily.drafterName(3, Precision.FP32))
        );
    }

    @Test
    void rollbackToEmptyThenRefillMatches() throws Exception {
        DecoderModel model = SampleFamilyFixture.get().target();
        int[] prompt = SampleFamilyFixture.get().prompts().get(0);
        try (DecoderSession session = model.newSession(); DecoderSession fresh = model.newSession()) {
            session.forward(prompt);
            session.truncate(0);
            float[][] again = session.forward(prompt);
            float[][] reference = fresh.forward(prompt);
            for (int v = 0; v < reference[0].length; v++) {
                assertEquals(reference[reference.length - 1][v], again[again.length - 1][v], TOLERANCE);
            }
        }
    }
}
