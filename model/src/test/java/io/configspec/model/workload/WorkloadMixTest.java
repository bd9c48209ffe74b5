package io.configspec.model.workload;

import static io.configspec.model.testing.TextAssertions.assertSomeLineContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.analysis.EnergyMode;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.PricingMode;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DomainShare;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.domain.RouteKind;
import io.configspec.model.domain.RoutedDrafters;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.testing.HandMadeProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Workload mixes and routed drafting (docs/model.md, "Workload mix", "Polymorph for drafting"):
 * per-token quantities add, rates do not; a routed set is priced by its switches and its selector.
 */
class WorkloadMixTest {

    private static final double TOLERANCE = 1e-9;
    private static final Provenance ILLUSTRATIVE = new Provenance.Illustrative();
    private static final List<String> DRAFTERS = List.of("shared", "shared+code", "shared+chat", "big");

    // one device; "shared" drafts at 40 tokens/s, its adapters at 38, "big" at 25 (4 MB against 1 MB)
    // acceptance: code/chat per drafter, chosen so each adapter wins its own domain
    private static ProfileLibrary library(boolean withMaths) {
        List<LanguageModel> drafters = new ArrayList<>();
        for (String id : DRAFTERS) {
            long bytes = id.equals("big") ? 4_000_000 : id.equals("shared") ? 1_000_000 : 1_050_000;
            drafters.add(
                HandMadeProfiles.model(
                    id,
                    id,
                    "f",
                    1_000_000L,
                    List.of(new QuantizationVariant("fp32", 32, bytes))
                )
            );
        }
        LanguageModel target = HandMadeProfiles.model(
            "t",
            "T",
            "f",
            7_000_000L,
            List.of(new QuantizationVariant("fp32", 32, 28_000_000))
        );
        DeviceProfile device = HandMadeProfiles.device(
            List.of(
                drafting("shared", 40),
                drafting("shared+code", 38),
                drafting("shared+chat", 38),
                drafting("big", 25)
            )
        );
        List<AlignmentProfile> alignments = new ArrayList<>(
            List.of(
                alignment("shared", 0.70).inDomain("code"),
                alignment("shared", 0.50).inDomain("chat"),
                alignment("shared+code", 0.85).inDomain("code"),
                alignment("shared+code", 0.45).inDomain("chat"),
                alignment("shared+chat", 0.65).inDomain("code"),
                alignment("shared+chat", 0.68).inDomain("chat"),
                alignment("big", 0.80).inDomain("code"),
                alignment("big", 0.62).inDomain("chat"),
                alignment("shared", 0.6)
            )
        );
        if (withMaths) {
            alignments.add(alignment("shared", 0.75).inDomain("maths"));
        }
        ServedTarget served = HandMadeProfiles.served(
            "t",
            new VerificationLatency.Fixed(0.05),
            OptionalDouble.of(2.0),
            OptionalDouble.empty(),
            0.02
        );
        ServerProfile server = new ServerProfile("s", "S", "gpu", List.of(served), ILLUSTRATIVE, Map.of());
        return new ProfileLibrary(
            List.of(device),
            drafters,
            List.of(target),
            alignments,
            List.of(server),
            List.of()
        );
    }

    private static DraftingMeasurement drafting(String drafter, double tokensPerSecond) {
        return new DraftingMeasurement(
            drafter,
            "fp32",
            tokensPerSecond,
            0.002,
            0,
            3.0,
            ILLUSTRATIVE,
            Map.of()
        );
    }

    private static AlignmentProfile alignment(String drafter, double alpha) {
        return new AlignmentProfile(
            drafter,
            "fp32",
            "t",
            alpha,
            alpha - 0.02,
            alpha + 0.02,
            500,
            "p",
            List.of(),
            List.of(),
            ILLUSTRATIVE,
            Map.of()
        );
    }

    private static Scenario scenario(List<DomainShare> mix, List<RoutedDrafters> routes) {
        return scenario(mix, routes.isEmpty() ? OptionalInt.empty() : OptionalInt.of(100), routes);
    }

    /** Every profile in the library, K 1 to 8, token pricing, drafting energy only. */
    private static Scenario scenario(
        List<DomainShare> mix,
        OptionalInt requestTokens,
        List<RoutedDrafters> routes
    ) {
        return HandMadeProfiles.scenario(
            "mix",
            Optional.empty(),
            1,
            PricingMode.TOKEN,
            EnergyMode.DRAFTING_ONLY,
            0,
            1,
            requestTokens
        )
            .withMix(mix)
            .withRoutes(routes);
    }

    private static List<DomainShare> codeAndChat(double code) {
        return List.of(new DomainShare("code", code), new DomainShare("chat", 1 - code));
    }

    private static RoutedDrafters adapters(double switchSeconds, double accuracy) {
        return new RoutedDrafters(
            "adapters",
            RouteKind.ADAPTERS,
            "shared",
            Map.of("code", "shared+code", "chat", "shared+chat"),
            1_100_000,
            switchSeconds,
            accuracy,
            ILLUSTRATIVE
        );
    }

    private static EvaluatedSpace evaluate(Scenario scenario) {
        return ConfigurationSpace.of(library(false), scenario).evaluate();
    }

    @Test
    void mixGoodputCostAndEnergyAreTotalTokensOverTotalTimeMoneyAndEnergy() {
        EvaluatedSpace mixed = evaluate(scenario(codeAndChat(0.7), List.of()));
        EvaluatedSpace code = evaluate(scenario(List.of(new DomainShare("code", 1.0)), List.of()));
        EvaluatedSpace chat = evaluate(scenario(List.of(new DomainShare("chat", 1.0)), List.of()));
        assertEquals(code.size(), mixed.size());
        for (int i = 0; i < mixed.size(); i++) {
            assertEquals(mixed.configuration(i), code.configuration(i));
            double goodput =
                1 / (0.7 / code.goodputTokensPerSecond(i) + 0.3 / chat.goodputTokensPerSecond(i));
            assertEquals(goodput, mixed.goodputTokensPerSecond(i), goodput * TOLERANCE);
            double perDollar = 1 / (0.7 / code.tokensPerDollar(i) + 0.3 / chat.tokensPerDollar(i));
            assertEquals(perDollar, mixed.tokensPerDollar(i), perDollar * TOLERANCE);
            double perJoule = 1 / (0.7 / code.tokensPerJoule(i) + 0.3 / chat.tokensPerJoule(i));
            assertEquals(perJoule, mixed.tokensPerJoule(i), perJoule * TOLERANCE);
            // not the average of the rates
            double averaged = 0.7 * code.goodputTokensPerSecond(i) + 0.3 * chat.goodputTokensPerSecond(i);
            assertTrue(averaged > mixed.goodputTokensPerSecond(i));
        }
    }

    @Test
    void aSingleDomainMixIsThatDomainsAcceptance() {
        EvaluatedSpace code = evaluate(scenario(List.of(new DomainShare("code", 1.0)), List.of()));
        for (int i = 0; i < code.size(); i++) {
            int k = code.k(i);
            double alpha = code.configuration(i).drafter().equals("shared+code") ? 0.85 : Double.NaN;
            if (!Double.isNaN(alpha)) {
                double expected = (1 - Math.pow(alpha, k + 1)) / (1 - alpha);
                assertEquals(expected, code.expectedTokensPerRound(i), TOLERANCE);
            }
        }
    }

    @Test
    void weightsThatDoNotSumToOneAreRefusedNamingTheField() {
        var e = assertThrows(InvalidFieldException.class, () ->
            scenario(codeAndChat(0.7).subList(0, 1), List.of())
        );
        assertEquals("workload.mix", e.field());
        assertTrue(e.problem().contains("sum to 0.7"), e.problem());
    }

    @Test
    void aRepeatedDomainIsRefused() {
        var e = assertThrows(InvalidFieldException.class, () ->
            scenario(List.of(new DomainShare("code", 0.5), new DomainShare("code", 0.5)), List.of())
        );
        assertEquals("workload.mix[1].domain", e.field());
    }

    @Test
    void aDomainWithoutAcceptanceIsRefusedNamingItsMixEntry() {
        Scenario s = scenario(
            List.of(new DomainShare("code", 0.5), new DomainShare("maths", 0.5)),
            List.of()
        );
        var e = assertThrows(InvalidFieldException.class, () -> ConfigurationSpace.of(library(false), s));
        assertEquals("workload.mix[1].domain", e.field());
        assertTrue(e.problem().contains("'maths'") && e.problem().contains("chat, code"), e.problem());
    }

    @Test
    void combinationsMissingADomainAreLeftOutWithTheReason() {
        Scenario s = scenario(
            List.of(new DomainShare("code", 0.5), new DomainShare("maths", 0.5)),
            List.of()
        );
        ConfigurationSpace space = ConfigurationSpace.of(library(true), s);
        assertEquals(1, space.combinations().size()); // only "shared" has maths
        assertSomeLineContains(space.omitted(), "big", "domain maths");
    }

    @Test
    void routedGoodputIsTheHarmonicSumOfEachDomainsOwnDrafter() {
        Scenario s = scenario(codeAndChat(0.6), List.of(adapters(0, 1.0)));
        List<RoutedComparison> routed = RoutedDrafting.compare(library(false), s, WhatIf.NONE);
        assertEquals(1, routed.size());
        RoutedComparison r = routed.getFirst();
        EvaluatedSpace code = evaluate(scenario(List.of(new DomainShare("code", 1.0)), List.of()));
        EvaluatedSpace chat = evaluate(scenario(List.of(new DomainShare("chat", 1.0)), List.of()));
        double expected =
            1 / (0.6 / goodput(code, "shared+code", r.k()) + 0.4 / goodput(chat, "shared+chat", r.k()));
        assertEquals(expected, r.goodputTokensPerSecond(), expected * TOLERANCE);
        assertEquals(0.0048, r.switchesPerToken(), TOLERANCE); // 1 − 0.6² − 0.4² over 100 tokens
        // best K: no K gives more
        for (int k = 1; k <= 8; k++) {
            double other =
                1 / (0.6 / goodput(code, "shared+code", k) + 0.4 / goodput(chat, "shared+chat", k));
            assertTrue(other <= r.goodputTokensPerSecond() * (1 + TOLERANCE));
        }
        assertTrue(r.beatsSingleBest(), r.verdict());
        assertTrue(r.verdict().contains("beats the single best drafter"), r.verdict());
    }

    @Test
    void switchesCostTheirTimeOncePerRequestChange() {
        double switchSeconds = 0.5;
        Scenario free = scenario(codeAndChat(0.6), List.of(adapters(0, 1.0)));
        Scenario costly = scenario(codeAndChat(0.6), List.of(adapters(switchSeconds, 1.0)));
        RoutedComparison a = RoutedDrafting.compare(library(false), free, WhatIf.NONE).getFirst();
        RoutedComparison b = RoutedDrafting.compare(library(false), costly, WhatIf.NONE).getFirst();
        // two drafters, requests 60/40: P(switch) = 1 − 0.36 − 0.16 = 0.48, over 100 tokens per request
        assertEquals(0.0048, b.switchesPerToken(), TOLERANCE);
        assertEquals(a.k(), b.k());
        double expected = 1 / (1 / a.goodputTokensPerSecond() + 0.0048 * switchSeconds);
        assertEquals(expected, b.goodputTokensPerSecond(), expected * TOLERANCE);
    }

    @Test
    void aSlowSwitchOrAPoorSelectorLosesToTheSingleBestDrafter() {
        Scenario slow = scenario(codeAndChat(0.5), List.of(adapters(30, 1.0)));
        RoutedComparison r = RoutedDrafting.compare(library(false), slow, WhatIf.NONE).getFirst();
        assertFalse(r.beatsSingleBest(), r.verdict());
        assertTrue(r.verdict().contains("does not beat"), r.verdict());

        Scenario guessing = scenario(codeAndChat(0.5), List.of(adapters(0, 0.0)));
        RoutedComparison g = RoutedDrafting.compare(library(false), guessing, WhatIf.NONE).getFirst();
        // accuracy 0: every request goes to the base, "shared", whatever its domain
        EvaluatedSpace mixed = evaluate(scenario(codeAndChat(0.5), List.of()));
        assertEquals(
            goodput(mixed, "shared", g.k()),
            g.goodputTokensPerSecond(),
            1e-9 * g.goodputTokensPerSecond()
        );
    }

    @Test
    void equalMemoryComparesOnlyDraftersThatFit() {
        Scenario s = scenario(codeAndChat(0.6), List.of(adapters(0, 1.0)));
        RoutedComparison r = RoutedDrafting.compare(library(false), s, WhatIf.NONE).getFirst();
        assertTrue(r.singleAtMemory().isPresent());
        assertFalse(r.singleAtMemory().get().drafter().equals("big")); // 4 MB > 1.1 MB
    }

    @Test
    void routesNeedAMixAndRequestLength() {
        var e = assertThrows(InvalidFieldException.class, () ->
            scenario(codeAndChat(0.5), OptionalInt.empty(), List.of(adapters(0, 1)))
        );
        assertEquals("workload.requestTokens", e.field());
    }

    @Test
    void theSampleScenarioWritesAndReadsBackTheSameMixAndRoutes() throws Exception {
        java.nio.file.Path file = io.configspec.model.testing.SampleFiles.root().resolve(
            "scenarios/illustrative-workload-mix.json"
        );
        var document = io.configspec.model.io.ProfileCodec.read(file);
        Scenario scenario = ((io.configspec.model.io.ProfileDocument.ScenarioDocument) document).scenario();
        assertEquals(3, scenario.mix().size());
        assertEquals(OptionalInt.of(256), scenario.requestTokens());
        assertEquals(RouteKind.ADAPTERS, scenario.routes().getFirst().kind());
        var written = io.configspec.model.io.ProfileCodec.toJson(document);
        assertEquals(0.4, written.at("/workload/mix/0/weight").asDouble());
        assertEquals("adapters", written.at("/routes/0/kind").asText());
        assertEquals(document, io.configspec.model.io.ProfileCodec.read(file, written));
    }

    @Test
    void theSampleScenarioSaysWhetherItsRoutedSetBeatsTheSingleBestDrafter() throws Exception {
        var loaded = io.configspec.model.io.ScenarioLoader.load(
            io.configspec.model.testing.SampleFiles.root().resolve("scenarios/illustrative-workload-mix.json")
        );
        List<RoutedComparison> routed = RoutedDrafting.compare(
            loaded.library(),
            loaded.scenario(),
            WhatIf.NONE
        );
        assertEquals(1, routed.size());
        RoutedComparison r = routed.getFirst();
        assertEquals("raspberry-pi-5-lora", r.device());
        assertEquals(r.goodputTokensPerSecond() > r.singleBestGoodputTokensPerSecond(), r.beatsSingleBest());
        assertTrue(r.exportNote().contains("not supported by vLLM"), r.exportNote());
    }

    private static double goodput(EvaluatedSpace space, String drafter, int k) {
        for (int i = 0; i < space.size(); i++) {
            if (space.configuration(i).drafter().equals(drafter) && space.k(i) == k) {
                return space.goodputTokensPerSecond(i);
            }
        }
        throw new AssertionError("no row for " + drafter + " at K=" + k);
    }
}
