package io.configspec.app.explorer.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.model.analysis.Objective;
import org.junit.jupiter.api.Test;

/** Provenance per input quantity in the details, the chart tooltip and the cards (issue 19, items 5 and 6). */
class InputSourcesTest {

    // the illustrative scenario mixes literature and illustrative inputs, which is what these tests tell apart
    private final ExplorerViewModel model = Samples.loaded(Samples.illustrativeScenario());

    @Test
    void theDetailsGiveTheVerificationLatencyItsOwnLiteratureSourceNotThePricesNote() {
        String line = provenanceLine("Verification latency");
        assertTrue(line.contains("literature (ConfigSpec"), line);
        assertFalse(line.contains("serverless per-token prices"), line);
        String price = provenanceLine("Verification price");
        assertTrue(
            price.contains("illustrative (prices in the range of public serverless per-token prices)"),
            price
        );
    }

    @Test
    void theChartTooltipMarksTheVerificationLatencyAsLiterature() {
        Evaluation e = model.getEvaluation();
        int row = e.recommendedRow(RecommendationKind.BEST_GOODPUT);
        String tooltip = e.chart().describer().apply(row);
        assertTrue(tooltip.contains("T_v ◆"), tooltip);
        assertTrue(tooltip.contains("price ○"), tooltip);
    }

    @Test
    void aMovedSliderIsShownAsAWhatIfNotAsTheProfilesSource() {
        model.whatIf().set("verifySeconds", 0.3);
        var details = model.detailsProperty().get();
        assertTrue(
            details
                .provenance()
                .stream()
                .anyMatch(l -> l.startsWith("✎ Verification latency T_v: what-if 0.300 s")),
            details.provenance().toString()
        );
        assertEquals(0.3, details.verifySeconds(), 1e-12);
    }

    @Test
    void everyCardSaysWhereItsNumbersComeFrom() {
        for (RecommendationCard card : model.recommendations()) {
            assertTrue(
                card.provenance().contains("○") && card.provenance().contains("illustrative"),
                card.provenance()
            );
            assertTrue(card.provenance().contains("◆ 1 literature"), card.provenance());
            assertTrue(
                card.provenanceDetail().contains("Verification latency T_v: literature"),
                card.provenanceDetail()
            );
        }
    }

    @Test
    void theCensusCountsTheIllustrativeInputsOfTheSamples() {
        var census = InputSources.census(model.loadedProperty().get().space());
        assertTrue(census.anyIllustrative());
        assertTrue(census.total() > census.illustrative().size(), "T_v is literature");
        assertTrue(
            census
                .illustrative()
                .stream()
                .noneMatch(s -> s.startsWith("Verification latency")),
            census.illustrative().toString()
        );
        assertEquals(Objective.GOODPUT.unit(), "tokens/s", "units stay as the cards show them");
    }

    @Test
    void thePaperScenarioHasNoIllustrativeInput() {
        model.loadScenario(Samples.paperScenario()).join();
        var census = InputSources.census(model.loadedProperty().get().space());
        assertFalse(census.anyIllustrative(), census.illustrative().toString());
        for (RecommendationCard card : model.recommendations()) {
            assertFalse(card.provenance().contains("illustrative"), card.provenance());
            assertTrue(card.provenance().contains("literature"), card.provenance());
        }
    }

    /** The details' provenance line about {@code input} (there must be one). */
    private String provenanceLine(String input) {
        return model
            .detailsProperty()
            .get()
            .provenance()
            .stream()
            .filter(l -> l.contains(input))
            .findFirst()
            .orElseThrow();
    }
}
