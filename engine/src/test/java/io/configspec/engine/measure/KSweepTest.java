package io.configspec.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.decoding.CancellationToken;
import io.configspec.engine.decoding.DecodingSettings;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.testing.SampleFamilyFixture;
import io.configspec.model.domain.Provenance;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KSweepTest {

    private static final String DRAFTER = SampleFamily.drafterName(1, Precision.INT8);

    @TempDir
    Path dir;

    /** A sweep of the 1-layer int8 sample drafter over the first {@code prompts} sample prompts. */
    private static SweepResult sweep(
        DecodingSettings settings,
        String targetName,
        int prompts,
        int kMin,
        int kMax,
        int maxNewTokens,
        Consumer<String> progress
    ) throws Exception {
        SampleFamilyFixture family = SampleFamilyFixture.get();
        KSweep sweep = new KSweep(family.target(), family.model(DRAFTER), settings, DRAFTER, targetName);
        List<int[]> first = family.prompts().subList(0, prompts);
        return sweep.run(first, kMin, kMax, maxNewTokens, new CancellationToken(), progress);
    }

    /** Writes the sweep's profiles as measured with the sample prompts on 2026-11-21. */
    private MeasurementProfiles.Written write(SweepResult result) throws Exception {
        SampleFamilyFixture family = SampleFamilyFixture.get();
        ModelCatalog catalog = ModelCatalog.scan(family.directory());
        String target = SampleFamily.targetName(family.spec());
        LocalDate date = LocalDate.of(2026, 11, 21);
        return MeasurementProfiles.write(
            dir,
            result,
            catalog.find(DRAFTER),
            catalog.find(target),
            "sample-prompts.txt",
            date
        );
    }

    @Test
    void sweepWritesMeasuredProfilesTheCoreCanRead() throws Exception {
        List<String> lines = new ArrayList<>();
        SweepResult result = sweep(DecodingSettings.greedy(1), "target", 3, 1, 3, 8, lines::add);
        assertEquals(List.of(1, 2, 3), result.points().stream().map(SweepPoint::k).toList());
        assertEquals(3 + 4, lines.size(), lines.toString());
        assertTrue(result.draftTokensPerSecond() > 0);
        assertTrue(
            result
                .points()
                .stream()
                .allMatch(p -> p.predictedGoodputTokensPerSecond() > 0)
        );

        MeasurementProfiles.Written written = write(result);
        var alignment = assertInstanceOf(
            ProfileDocument.AlignmentDocument.class,
            ProfileCodec.read(written.alignment())
        );
        var entry = alignment.entries().getFirst();
        assertEquals("draft-1l", entry.drafter());
        assertEquals(result.pooled().acceptanceRate(), entry.acceptanceRate().orElseThrow(), 1e-12);
        var measured = assertInstanceOf(Provenance.Measured.class, entry.provenance());
        assertEquals(MeasurementProfiles.TOOL, measured.tool());
        assertEquals(result.pooled().rounds(), measured.sampleCount());
        var device = assertInstanceOf(
            ProfileDocument.DeviceDocument.class,
            ProfileCodec.read(written.device())
        );
        assertEquals(
            result.draftTokensPerSecond(),
            device.device().drafting().getFirst().tokensPerSecond(),
            1e-9
        );
        assertInstanceOf(ProfileDocument.ServerDocument.class, ProfileCodec.read(written.server()));
        assertInstanceOf(ProfileDocument.ModelsDocument.class, ProfileCodec.read(written.models()));
    }

    @Test
    void theMeasureFolderLoadsAsAProfileLibrary() throws Exception {
        String target = SampleFamily.targetName(SampleFamilyFixture.get().spec());
        write(sweep(DecodingSettings.greedy(1), target, 2, 1, 2, 6, l -> {}));
        var library = io.configspec.model.io.ProfileLoader.load(List.of(dir)).library();
        assertEquals(1, library.devices().size());
        assertTrue(library.drafter("draft-1l").isPresent());
        assertTrue(library.target(target).isPresent());
        assertTrue(library.alignment("draft-1l", "int8", target).isPresent());
    }

    @Test
    void dynamicDraftingIsMeasuredWithItsFalseAndMissedStopRates() throws Exception {
        DecodingSettings settings = DecodingSettings.greedy(1).withDynamicThreshold(0.5);
        SweepResult result = sweep(settings, "target", 4, 2, 6, 16, line -> {});
        DynamicDraftingResult dynamic = result.dynamicDrafting();
        assertTrue(dynamic != null, "dynamic drafting measured");
        assertEquals(6, dynamic.maxDraftTokens());
        assertTrue(dynamic.predictor().sampleCount() > 0);
        var stops = dynamic.stops();
        assertTrue(stops.rounds() > 0 && stops.rounds() == dynamic.dynamic().rounds());
        // the rates are fractions of what they judge (stops, rejections), or undefined when there is none
        assertTrue(
            Double.isNaN(stops.falseStopRate()) || (stops.falseStopRate() >= 0 && stops.falseStopRate() <= 1)
        );
        assertTrue(
            Double.isNaN(stops.missedStopRate()) ||
                (stops.missedStopRate() >= 0 && stops.missedStopRate() <= 1)
        );
        assertTrue(stops.predictedStops() + stops.roundsWithRejection() > 0, stops.toString());
        // a stop ends a round early: never more drafted per round than the fixed K = 6 run
        assertTrue(
            dynamic.dynamic().draftedTokens() / (double) dynamic.dynamic().rounds() <=
                dynamic.fixed().draftedTokens() / (double) dynamic.fixed().rounds()
        );
        MeasurementProfiles.Written written = write(result);
        var report = ProfileCodec.mapper().readTree(written.sweep().toFile());
        assertTrue(report.path("dynamicDrafting").has("falseStopRate"), report.toString());
        assertTrue(report.path("dynamicDrafting").has("missedStopRate"), report.toString());
    }
}
