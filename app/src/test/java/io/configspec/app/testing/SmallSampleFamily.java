package io.configspec.app.testing;

import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The sample model family, small enough to profile in a test: the default shapes with a 2-layer
 * target and one drafter, 1 layer at int8. The board tests of the CLI and of the Boards tab share it.
 */
public final class SmallSampleFamily {

    /** The family's one drafter. */
    public static final String DRAFTER = SampleFamily.drafterName(1, Precision.INT8);

    private SmallSampleFamily() {}

    public static SampleFamily.Spec spec() {
        SampleFamily.Spec d = SampleFamily.Spec.defaults();
        return new SampleFamily.Spec(
            d.seed(),
            d.vocabSize(),
            d.heads(),
            d.kvHeads(),
            d.headDim(),
            d.intermediateSize(),
            2,
            List.of(1),
            List.of(Precision.INT8),
            d.blockScale(),
            d.decay()
        );
    }

    /** The family's target. */
    public static String target() {
        return SampleFamily.targetName(spec());
    }

    /** Generates the family into {@code models} (a models folder, as {@code --models} takes). */
    public static Path generate(Path models) throws IOException {
        SampleFamily.generate(models, spec());
        return models;
    }
}
