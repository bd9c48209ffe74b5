package io.configspec.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.HandMadeProfiles;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluation rows equal DESIGN §4 computed by hand through {@link SpeculativeRoundModel}. */
class ConfigurationSpaceTest {

    private static final double TOLERANCE = 1e-12;
    private static final Provenance ILLUSTRATIVE = new Provenance.Illustrative();

    // device: r = 20 tokens/s, o = 0.01 s, P_draft = 5 W, P_idle = 2 W
    // network: RTT 0.05 s, 8 Mbit/s up (1e6 B/s), 16 Mbit/s down (2e6 B/s), 100 B per draft token, 1000 B reply
    // server: T_v = 0.4 s, $1 per 1M tokens, $3.6 per GPU-hour (= $0.001/s), target step 0.03 s
    private static ProfileLibrary library(VerificationLatency latency, List<Double> curve) {
        var q4 = List.of(new QuantizationVariant("q4", 4.5, 1_000_000));
        LanguageModel drafter = HandMadeProfiles.model("a", "A", "f", 1_000_000_000L, q4);
        LanguageModel other = HandMadeProfiles.model("b", "B", "g", 1_000_000_000L, q4);
        LanguageModel target = HandMadeProfiles.model("t", "T", "f", 7_000_000_000L, q4);
        LanguageModel unrelated = HandMadeProfiles.model("u", "U", "g", 7_000_000_000L, q4);
        DeviceProfile device = HandMadeProfiles.device(
            List.of(
                new DraftingMeasurement("a", "q4", 20, 0.01, 0, 5, ILLUSTRATIVE, Map.of()),
                new DraftingMeasurement("b", "q4", 30, 0, 0, 4, ILLUSTRATIVE, Map.of())
            )
        );
        AlignmentProfile alignment = new AlignmentProfile(
            "a",
            "q4",
            "t",
            0.7,
            0.68,
            0.72,
            100,
            "p",
            curve,
            List.of(),
            ILLUSTRATIVE,
            Map.of()
        );
        ServedTarget servedT = HandMadeProfiles.served(
            "t",
            latency,
            OptionalDouble.of(1.0),
            OptionalDouble.of(3.6),
            0.03
        );
        ServedTarget servedU = HandMadeProfiles.served(
            "u",
            latency,
            OptionalDouble.of(1.0),
            OptionalDouble.of(3.6),
            0.03
        );
        ServerProfile server = new ServerProfile(
            "s",
            "S",
            "gpu",
            List.of(servedT, servedU),
            ILLUSTRATIVE,
            Map.of()
        );
        NetworkProfile network = new NetworkProfile("n", "N", 0.05, 8, 16, 100, 1000, ILLUSTRATIVE, Map.of());
        return new ProfileLibrary(
            List.of(device),
            List.of(drafter, other),
            List.of(target, unrelated),
            List.of(alignment),
            List.of(server),
            List.of(network)
        );
    }

    private static Scenario scenario(PricingMode pricing, EnergyMode energy, int contextTokens, int batch) {
        return HandMadeProfiles.scenario(
            "sc",
            Optional.of("n"),
            2,
            pricing,
            energy,
            contextTokens,
            batch,
            OptionalInt.empty()
        );
    }

    private static ConfigurationSpace space(
        VerificationLatency latency,
        List<Double> curve,
        Scenario scenario
    ) {
        return ConfigurationSpace.of(library(latency, curve), scenario);
    }

    private static ConfigurationSpace paperLikeSpace() {
        return space(
            new VerificationLatency.Fixed(0.4),
            List.of(),
            scenario(PricingMode.TOKEN, EnergyMode.DRAFTING_ONLY, 0, 1)
        );
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * TOLERANCE, what);
    }

    @Test
    void onlyDraftersOfTheTargetsFamilyPairWithIt() {
        ConfigurationSpace space = paperLikeSpace();
        assertEquals(1, space.combinations().size());
        assertEquals("t", space.combinations().getFirst().target().id());
        // b → u has the family but no alignment profile: listed as omitted, not silently lost
        assertEquals(1, space.omitted().size(), space.omitted().toString());
        assertTrue(space.omitted().getFirst().contains("no alignment"));
    }

    @Test
    void rowsEqualTheRoundModelComputedByHand() {
        EvaluatedSpace rows = paperLikeSpace().evaluate(WhatIf.NONE);
        assertEquals(7, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            int k = 2 + i;
            assertEquals(k, rows.k(i));
            double expected = SpeculativeRoundModel.expectedTokensPerRound(0.7, k);
            double draft = SpeculativeRoundModel.draftSeconds(k, 20, 0.01);
            double network = SpeculativeRoundModel.networkSeconds(0.05, k * 100.0, 1e6, 1000, 2e6);
            double round = SpeculativeRoundModel.roundSeconds(draft, network, 0.4);
            double dollars = SpeculativeRoundModel.tokenPricedRoundDollars(1e-6, k);
            double joules = SpeculativeRoundModel.draftingJoules(5, draft);
            assertClose(expected, rows.expectedTokensPerRound(i), "E[N] at K=" + k);
            assertClose(draft, rows.draftSeconds(i), "draft s");
            assertClose(network, rows.networkSeconds(i), "network s");
            assertClose(round, rows.roundTimeSeconds(i), "round s");
            assertClose(expected / round, rows.goodputTokensPerSecond(i), "goodput");
            assertClose(round / expected, rows.value(Objective.TIME_PER_TOKEN, i), "time per token");
            assertClose(expected / dollars, rows.tokensPerDollar(i), "tokens per $");
            assertClose(
                (dollars * 1e6) / expected,
                rows.value(Objective.DOLLARS_PER_MILLION_TOKENS, i),
                "$ per 1M"
            );
            assertClose(expected / joules, rows.tokensPerJoule(i), "tokens per J");
            assertClose(joules / expected, rows.value(Objective.JOULES_PER_TOKEN, i), "J per token");
            assertClose(k - (expected - 1), rows.wastedDraftTokensPerRound(i), "wasted drafts");
            assertClose(1 / (0.03 + 0.05), rows.cloudOnlyTokensPerSecond(i), "cloud only");
            assertClose((expected / round) * (0.03 + 0.05), rows.speedupOverCloudOnly(i), "speedup");
            assertEquals(0.7, rows.acceptanceRate(i));
            assertEquals(20, rows.draftTokensPerSecond(i));
        }
    }

    @Test
    void draftingEnergyIsThePapersFormulaPlusTheOverhead() {
        ConfigurationSpace space = paperLikeSpace();
        EvaluatedSpace rows = space.evaluate(WhatIf.NONE);
        int i = 0;
        double withOverhead = rows.tokensPerJoule(i);
        // P × (o + K/r) = P × K / r + P × o
        double expected =
            rows.expectedTokensPerRound(i) / (SpeculativeRoundModel.draftingJoules(5, 2, 20) + 5 * 0.01);
        assertClose(expected, withOverhead, "tokens per J");
    }

    @Test
    void gpuTimePricingAndWholeRoundEnergyFollowTheModel() {
        ConfigurationSpace space = space(
            new VerificationLatency.Fixed(0.4),
            List.of(),
            scenario(PricingMode.GPU_TIME, EnergyMode.WHOLE_ROUND, 0, 4)
        );
        EvaluatedSpace rows = space.evaluate(WhatIf.NONE);
        for (int i = 0; i < rows.size(); i++) {
            double dollars = SpeculativeRoundModel.gpuTimePricedRoundDollars(0.001, 0.4, 4);
            double joules = SpeculativeRoundModel.wholeRoundJoules(
                5,
                2,
                rows.draftSeconds(i),
                rows.roundTimeSeconds(i)
            );
            assertClose(rows.expectedTokensPerRound(i) / dollars, rows.tokensPerDollar(i), "tokens per $");
            assertClose(rows.expectedTokensPerRound(i) / joules, rows.tokensPerJoule(i), "tokens per J");
        }
    }

    @Test
    void linearVerificationTimeUsesTheBatchTotals() {
        var linear = new VerificationLatency.Linear(0.02, 0.001, 0.00001, 0.003);
        ConfigurationSpace space = space(
            linear,
            List.of(),
            scenario(PricingMode.TOKEN, EnergyMode.DRAFTING_ONLY, 500, 4)
        );
        EvaluatedSpace rows = space.evaluate(WhatIf.NONE);
        for (int i = 0; i < rows.size(); i++) {
            int k = rows.k(i);
            assertClose(linear.seconds(4.0 * (k + 1), 4 * 500.0, 4), rows.verifySeconds(i), "T_v at K=" + k);
        }
    }

    @Test
    void contextSlowdownReducesTheDraftingRate() {
        DraftingMeasurement m = new DraftingMeasurement("a", "q4", 20, 0, 0.25, 5, ILLUSTRATIVE, Map.of());
        assertClose(20 / 1.5, m.tokensPerSecondAt(2000), "rate at 2000 tokens");
    }

    @Test
    void perPositionCurveGivesTheCurvesExpectedTokens() {
        List<Double> curve = List.of(0.9, 0.8, 0.6);
        ConfigurationSpace space = space(
            new VerificationLatency.Fixed(0.4),
            curve,
            scenario(PricingMode.TOKEN, EnergyMode.DRAFTING_ONLY, 0, 1)
        );
        double[] array = { 0.9, 0.8, 0.6 };
        EvaluatedSpace rows = space.evaluate(WhatIf.NONE);
        for (int i = 0; i < rows.size(); i++) {
            assertClose(
                SpeculativeRoundModel.expectedTokensPerRound(array, rows.k(i)),
                rows.expectedTokensPerRound(i),
                "E[N]"
            );
        }
        EvaluatedSpace scaled = space.evaluate(WhatIf.NONE.with("alphaScale", 1.2));
        double[] clamped = { 1.0, 0.96, 0.72 };
        for (int i = 0; i < scaled.size(); i++) {
            assertClose(
                SpeculativeRoundModel.expectedTokensPerRound(clamped, scaled.k(i)),
                scaled.expectedTokensPerRound(i),
                "scaled E[N]"
            );
        }
    }

    @Test
    void alphaScaleIsClampedToOne() {
        EvaluatedSpace rows = paperLikeSpace().evaluate(WhatIf.NONE.with("alphaScale", 2.0));
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(1.0, rows.acceptanceRate(i));
            assertEquals(rows.k(i) + 1.0, rows.expectedTokensPerRound(i), 1e-12);
        }
    }

    @Test
    void whatIfOverridesChangeTheValues() {
        ConfigurationSpace space = paperLikeSpace();
        EvaluatedSpace base = space.evaluate(WhatIf.NONE);
        EvaluatedSpace changed = space.evaluate(
            WhatIf.NONE.with("verifySeconds", "0.2")
                .with("rttSeconds", "0")
                .with("dollarsPerMillionTokens", "2")
                .with("powerScale", "2")
                .with("draftSpeedScale", "2")
        );
        for (int i = 0; i < base.size(); i++) {
            assertEquals(0.2, changed.verifySeconds(i));
            assertEquals(40, changed.draftTokensPerSecond(i));
            assertClose(base.tokensPerDollar(i) / 2, changed.tokensPerDollar(i), "price doubled");
            // twice the power for half the drafting time (overhead scales with speed too): same energy
            assertClose(base.tokensPerJoule(i), changed.tokensPerJoule(i), "energy");
            assertTrue(changed.goodputTokensPerSecond(i) > base.goodputTokensPerSecond(i));
        }
    }

    @Test
    void whatIfKRangeChangesTheRows() {
        ConfigurationSpace space = paperLikeSpace();
        EvaluatedSpace rows = space.evaluate(WhatIf.NONE.with("kMin", "1").with("kMax", "20"));
        assertEquals(20, rows.size());
        assertEquals(1, rows.k(0));
        assertEquals(20, rows.k(19));
        assertThrows(InvalidFieldException.class, () -> space.evaluate(WhatIf.NONE.with("kMin", "12")));
    }

    @Test
    void constraintsMarkRowsInfeasible() {
        ConfigurationSpace space = paperLikeSpace();
        EvaluatedSpace all = space.evaluate(WhatIf.NONE);
        double median = all.goodputTokensPerSecond(3);
        EvaluatedSpace constrained = space.evaluate(
            WhatIf.NONE.withConstraint(Constraint.atLeast(Objective.GOODPUT, median))
        );
        for (int i = 0; i < constrained.size(); i++) {
            assertEquals(constrained.goodputTokensPerSecond(i) >= median, constrained.feasible(i));
        }
        assertTrue(constrained.feasibleCount() < constrained.size());
        int best = constrained.best(Objective.TOKENS_PER_DOLLAR);
        assertTrue(constrained.feasible(best));
    }

    @Test
    void evaluateIntoReusesArraysOnlyForTheSameShape() {
        ConfigurationSpace space = paperLikeSpace();
        EvaluatedSpace first = space.evaluate(WhatIf.NONE);
        double[] goodput = first.column(Objective.GOODPUT);
        EvaluatedSpace second = space.evaluateInto(WhatIf.NONE.with("verifySeconds", 0.1), first);
        assertSame(first, second);
        assertSame(goodput, second.column(Objective.GOODPUT));
        assertEquals(0.1, second.verifySeconds(0));
        EvaluatedSpace third = space.evaluateInto(WhatIf.NONE.with("kMax", 12), second);
        assertNotSame(second, third);
    }

    @Test
    void reEvaluationNeedsNoFiles(@TempDir Path dir) throws Exception {
        SampleFiles.copyTo(dir);
        var loaded = ScenarioLoader.load(dir.resolve("scenarios/illustrative-edge.json"));
        EvaluatedSpace before = loaded.space().evaluate();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        EvaluatedSpace after = loaded
            .space()
            .evaluate(loaded.scenario().whatIf().with("verifySeconds", "0.25"));
        assertEquals(before.size(), after.size());
        assertTrue(after.goodputTokensPerSecond(0) > before.goodputTokensPerSecond(0));
        assertEquals(0.25, after.verifySeconds(0));
    }
}
