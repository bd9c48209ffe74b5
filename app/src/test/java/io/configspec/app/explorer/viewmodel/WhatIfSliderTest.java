package io.configspec.app.explorer.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slider steps, typed values and reset (issue 19, item 2), without a toolkit. */
class WhatIfSliderTest {

    private final WhatIfViewModel sliders = new WhatIfViewModel();

    @Test
    void oneStepOnTheVerificationLatencyIsAFewPercentNotTheWholeRange() {
        WhatIfSlider tv = sliders.slider("verifySeconds");
        double from = 0.5;
        double next = tv.fromPosition(tv.toPosition(from) + tv.positionStep());
        assertTrue(next > from && next < from * 1.2, "one step from 0.5 s goes to " + next + " s");
        // From the minimum, one step stays near the minimum (it used to jump to 3 s).
        double first = tv.fromPosition(tv.toPosition(tv.min()) + tv.positionStep());
        assertTrue(first < 0.02, "one step from 0.01 s goes to " + first + " s");
        assertEquals(WhatIfSlider.STEPS, Math.round(1 / tv.positionStep()));
    }

    @Test
    void oneStepOnKIsOneWholeValue() {
        WhatIfSlider k = sliders.slider("kMax");
        for (int value = 1; value < 16; value++) {
            assertEquals(value + 1, k.fromPosition(k.toPosition(value) + k.positionStep()), 1e-9);
        }
    }

    @Test
    void typedValuesAreReadWithOrWithoutTheUnitAndRefusedOutsideTheRangeInOneSentence() {
        WhatIfSlider tv = sliders.slider("verifySeconds");
        assertEquals(0.25, tv.parse("0.25"), 0);
        assertEquals(0.25, tv.parse(" 0.25 s "), 0);
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> tv.parse("5"));
        assertEquals(
            "Verification latency T_v must be a number from 0.01 to 3 s, got 5",
            outside.getMessage()
        );
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class, () -> tv.parse("fast"));
        assertTrue(word.getMessage().startsWith("'fast' is not a number"), word.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sliders.slider("kMin").parse("2.5"));
        assertEquals(1000, sliders.slider("uplinkMbps").parse("1,000 Mbit/s"), 0);
    }

    @Test
    void theKSlidersOfThePaperScenarioOfferOnlyTheKItsAcceptanceWasMeasuredFor() {
        WhatIfViewModel whatIf = Samples.loaded(Samples.paperScenario()).whatIf();
        for (String key : List.of("kMin", "kMax")) {
            WhatIfSlider k = whatIf.slider(key);
            assertEquals(2, k.fromPosition(0), 0, key);
            assertEquals(10, k.fromPosition(1), 0, key);
            assertEquals("tokens", k.displayUnit());
        }
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () ->
            whatIf.set("kMax", 16)
        );
        assertEquals("K to must be a number from 2 to 10 tokens, got 16", outside.getMessage());
        assertEquals(10, whatIf.slider("kMax").value().get(), 0);
        assertEquals(
            "K 2–10 tokens: the range acceptance α(K) was measured over (13 alignment profiles, literature); E[N] outside it is not extrapolated.",
            whatIf.kRangeNoteProperty().get()
        );
    }

    @Test
    void withAcceptanceAsARateTheKSlidersOfferOneToSixteenAndSayWhy() {
        WhatIfViewModel whatIf = Samples.loaded(Samples.illustrativeScenario()).whatIf();
        WhatIfSlider k = whatIf.slider("kMax");
        assertEquals(1, k.fromPosition(0), 0);
        assertEquals(16, k.fromPosition(1), 0);
        assertTrue(
            whatIf.kRangeNoteProperty().get().startsWith("K 1–16 tokens: acceptance is given as a rate α"),
            whatIf.kRangeNoteProperty().get()
        );
    }

    @Test
    void theShownValueAndTheRangeSpellTheUnitAlike() {
        WhatIfSlider tv = sliders.slider("verifySeconds");
        tv.value().set(0.25);
        assertEquals("0.250 s", tv.display());
        assertEquals("type a number from 0.01 to 3 s", tv.rangeText());
        WhatIfSlider alpha = sliders.slider("alphaScale");
        alpha.value().set(1.5);
        assertEquals("1.500 ×", alpha.display());
        assertEquals("type a number from 0.5 to 1.5 ×", alpha.rangeText());
        WhatIfSlider k = sliders.slider("kMax");
        k.value().set(7);
        assertEquals("7 tokens", k.display());
        assertEquals("type a number from 1 to 16 tokens", k.rangeText());
        k.value().set(1);
        assertEquals("1 token", k.display());
        assertEquals("token", k.displayUnit());
    }

    @Test
    void resetMovesEverySliderBackToTheValueTheEvaluationUses() {
        ExplorerViewModel model = Samples.loaded(Samples.paperScenario());
        WhatIfViewModel whatIf = model.whatIf();
        double verify = whatIf.slider("verifySeconds").value().get();
        double kMax = whatIf.slider("kMax").value().get();
        whatIf.set("verifySeconds", 0.01);
        whatIf.set("kMax", 5);
        whatIf.reset();
        assertEquals(verify, whatIf.slider("verifySeconds").value().get(), 0);
        assertEquals(kMax, whatIf.slider("kMax").value().get(), 0);
        assertFalse(whatIf.slider("verifySeconds").overridden().get());
        assertEquals(0.5, verify, 1e-12, "the paper scenario's T_v");
        model
            .selectedRowProperty()
            .set(model.getEvaluation().recommendedRow(RecommendationKind.BEST_GOODPUT));
        var details = model.detailsProperty().get();
        assertEquals(verify, details.verifySeconds(), 1e-12, "the details use what the slider shows");
    }
}
