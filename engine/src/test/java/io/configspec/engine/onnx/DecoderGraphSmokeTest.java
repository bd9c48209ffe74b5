package io.configspec.engine.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.configspec.engine.samplemodels.DecoderArchitecture;
import io.configspec.engine.samplemodels.DecoderGraphBuilder;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.RandomWeights;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DecoderGraphSmokeTest {

    @TempDir
    Path dir;

    /**
     * Writes a model of {@code arch} with random weights (from {@code seed}) to {@code name}, inline
     * or with its weights in a {@code .data} file beside it, and opens it.
     */
    private DecoderModel randomModel(
        String name,
        DecoderArchitecture arch,
        Precision precision,
        long seed,
        boolean externalData
    ) throws Exception {
        Path file = dir.resolve(name);
        DecoderGraphBuilder builder = new DecoderGraphBuilder(arch, precision, new RandomWeights(seed));
        if (externalData) {
            builder.writeWithExternalData(file);
        } else {
            builder.writeInline(file);
        }
        return DecoderModel.open(file, EngineOptions.defaults());
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void builtModelRunsWithCacheInEveryPrecision(Precision precision) throws Exception {
        DecoderArchitecture arch = new DecoderArchitecture(2, 64, 4, 2, 16, 128, 50, 128, true, 10000.0);
        try (
            DecoderModel model = randomModel("m.onnx", arch, precision, 1, false);
            DecoderSession s = model.newSession()
        ) {
            assertEquals(2, model.signature().layers());
            assertEquals(2, model.signature().kvHeads());
            assertEquals(16, model.signature().headDim());
            float[][] a = s.forward(new int[] { 1, 2, 3 });
            float[][] b = s.forward(new int[] { 4 });
            assertEquals(3, a.length);
            assertEquals(50, b[0].length);
            s.truncate(2);
            float[][] c = s.forward(new int[] { 3, 4 });
            // int8 quantises activations per call (scale over the whole input), so only the
            // weight-only precisions are batch-invariant.
            for (int v = 0; precision != Precision.INT8 && v < 50; v++) {
                assertEquals(b[0][v], c[1][v], 1e-3, "logit " + v);
            }
        }
    }

    @Test
    void externalDataModelLoads() throws Exception {
        DecoderArchitecture arch = new DecoderArchitecture(1, 64, 4, 4, 16, 128, 50, 64, false, 10000.0);
        try (
            DecoderModel model = randomModel("ext.onnx", arch, Precision.FP32, 2, true);
            DecoderSession s = model.newSession()
        ) {
            assertEquals(50, s.forward(new int[] { 5 })[0].length);
        }
    }

    @Test
    void modelWithoutKvCacheRecomputesTheWholeSequence() throws Exception {
        DecoderArchitecture arch = new DecoderArchitecture(0, 32, 4, 2, 8, 64, 32, 64, false, 10000.0);
        try (
            DecoderModel model = randomModel("nocache.onnx", arch, Precision.FP32, 3, false);
            DecoderSession s = model.newSession();
            DecoderSession fresh = model.newSession()
        ) {
            assertEquals(false, model.signature().hasCache());
            assertEquals(0, model.signature().layers());
            s.forward(new int[] { 1, 2, 3 });
            s.truncate(1);
            float[] afterRollback = s.forward(new int[] { 7 })[0];
            float[][] reference = fresh.forward(new int[] { 1, 7 });
            for (int v = 0; v < 32; v++) {
                assertEquals(reference[1][v], afterRollback[v], 1e-5);
            }
        }
    }
}
