package io.configspec.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.domain.InvalidFieldException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhatIfTest {

    @Test
    void unknownKeyIsNamed() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () ->
            WhatIf.NONE.with("alphaScael", "0.9")
        );
        assertEquals("alphaScael", e.field());
        assertTrue(e.problem().contains("not a what-if key"));
    }

    /** A value that is not a number, or out of its key's range, is refused naming the key. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({ "verifySeconds, fast", "alphaScale, 0" })
    void aNonNumericOrOutOfRangeValueIsNamed(String key, String value) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () ->
            WhatIf.NONE.with(key, value)
        );
        assertEquals(key, e.field());
    }

    @Test
    void nanValueIsRejected() {
        assertThrows(InvalidFieldException.class, () -> WhatIf.NONE.with("alphaScale", "NaN"));
    }

    @Test
    void constraintKeysReplaceTheSameBound() {
        WhatIf w = WhatIf.NONE.with("minGoodput", "2")
            .with("minGoodput", "3")
            .with("maxDollarsPerMillionTokens", "1");
        assertEquals(
            List.of(
                Constraint.atLeast(Objective.GOODPUT, 3),
                Constraint.atMost(Objective.DOLLARS_PER_MILLION_TOKENS, 1)
            ),
            w.constraints()
        );
    }

    @Test
    void modesAreSetByName() {
        WhatIf w = WhatIf.NONE.with("pricing", "gpu-time").with("energy", "whole-round");
        assertEquals(PricingMode.GPU_TIME, w.pricing().orElseThrow());
        assertEquals(EnergyMode.WHOLE_ROUND, w.energy().orElseThrow());
    }

    @Test
    void laterSettingsWin() {
        WhatIf merged = WhatIf.NONE.with("alphaScale", 0.9)
            .with("rttSeconds", 0.1)
            .then(WhatIf.NONE.with("rttSeconds", 0.2));
        assertEquals(0.9, merged.alphaScale());
        assertEquals(0.2, merged.rttSeconds().orElseThrow());
    }

    @Test
    void everyKeyIsAccepted() {
        for (String key : WhatIf.KEYS.keySet()) {
            String value = switch (key) {
                case "pricing" -> "token";
                case "energy" -> "drafting-only";
                default -> "1";
            };
            WhatIf.NONE.with(key, value);
        }
    }

    @Test
    void aLaterValueReplacesAnEarlierOneEvenWhenItIsTheDefault() {
        WhatIf w = WhatIf.NONE.with("alphaScale", "0.8").with("alphaScale", "1");
        assertEquals(1.0, w.alphaScale());
        assertEquals(1.0, w.get(WhatIf.ALPHA_SCALE).orElseThrow());
        WhatIf merged = WhatIf.NONE.with(WhatIf.ALPHA_SCALE, 0.8).then(
            WhatIf.NONE.with(WhatIf.ALPHA_SCALE, 1.0)
        );
        assertEquals(1.0, merged.alphaScale());
        assertEquals(java.util.Map.of("alphaScale", 1.0), merged.settings());
    }

    @Test
    void aKeyNotSetMeansTheProfilesValue() {
        assertTrue(WhatIf.NONE.isEmpty());
        assertTrue(WhatIf.NONE.verifySeconds().isEmpty());
        WhatIf set = WhatIf.NONE.with(WhatIf.VERIFY_SECONDS, 0.3);
        assertTrue(set.without(WhatIf.VERIFY_SECONDS).isEmpty());
        assertEquals(WhatIf.NONE, set.without(WhatIf.VERIFY_SECONDS));
    }

    @Test
    void everyObjectiveHasAMinAndAMaxKey() {
        for (Objective objective : Objective.values()) {
            for (Constraint.Bound bound : Constraint.Bound.values()) {
                String key = WhatIf.constraintKey(bound, objective);
                assertTrue(WhatIf.KEYS.containsKey(key), key);
                WhatIf w = WhatIf.NONE.with(key, "2");
                assertEquals(List.of(new Constraint(objective, bound, 2)), w.constraints());
            }
        }
    }

    @Test
    void kMustBeAWholeNumberAndTheRangeOrdered() {
        assertThrows(InvalidFieldException.class, () -> WhatIf.NONE.with("kMin", 2.5));
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () ->
            WhatIf.NONE.with("kMin", "6").with("kMax", "3")
        );
        assertEquals("kMax", e.field());
    }
}
