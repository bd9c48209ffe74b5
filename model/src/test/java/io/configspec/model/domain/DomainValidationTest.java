package io.configspec.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Canonical constructors reject bad values with a message naming the field and the value. */
class DomainValidationTest {

    private static final Provenance ILLUSTRATIVE = new Provenance.Illustrative();

    private static void rejects(String message, Executable constructor) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, constructor);
        assertEquals(message, e.getMessage());
    }

    private static DraftingMeasurement drafting(String drafter, double rate) {
        return new DraftingMeasurement(drafter, "q4", rate, 0, 0, 5, ILLUSTRATIVE, Map.of());
    }

    @Test
    void throughputMustBePositive() {
        rejects("tokensPerSecond must be greater than 0 but is -1.0", () -> drafting("a", -1));
        rejects("tokensPerSecond must be greater than 0 but is 0.0", () -> drafting("a", 0));
    }

    @Test
    void throughputMustBeFinite() {
        rejects("tokensPerSecond must be a finite number but is NaN", () -> drafting("a", Double.NaN));
        rejects("tokensPerSecond must be a finite number but is Infinity", () ->
            drafting("a", Double.POSITIVE_INFINITY)
        );
    }

    @Test
    void deviceRejectsRepeatedDrafterAndQuantization() {
        rejects("drafting[1] repeats drafter 'a' with quantization 'q4'", () ->
            new DeviceProfile(
                "d",
                "D",
                DeviceKind.LAPTOP,
                "cpu",
                "",
                8,
                2,
                List.of(drafting("a", 1), drafting("a", 2)),
                ILLUSTRATIVE,
                Map.of()
            )
        );
    }

    private static AlignmentProfile alignment(
        double alpha,
        double low,
        double high,
        List<CalibrationPoint> calibration
    ) {
        return new AlignmentProfile(
            "a",
            "q4",
            "t",
            alpha,
            low,
            high,
            10,
            "p",
            List.of(),
            calibration,
            ILLUSTRATIVE,
            Map.of()
        );
    }

    @Test
    void acceptanceMustBeAProbability() {
        rejects("acceptanceRate must be between 0 and 1 but is 1.2", () -> alignment(1.2, 0.5, 1, List.of()));
    }

    @Test
    void confidenceIntervalMustContainTheMean() {
        rejects("acceptanceLow must not exceed acceptanceRate 0.7 but is 0.8", () ->
            alignment(0.7, 0.8, 0.9, List.of())
        );
        rejects("acceptanceHigh must not be below acceptanceRate 0.7 but is 0.6", () ->
            alignment(0.7, 0.5, 0.6, List.of())
        );
    }

    @Test
    void calibrationMustAscend() {
        var points = List.of(new CalibrationPoint(0.5, 0.6), new CalibrationPoint(0.4, 0.5));
        rejects("calibration[1].confidence must be greater than the previous point's 0.5 but is 0.4", () ->
            alignment(0.7, 0.6, 0.8, points)
        );
    }

    @Test
    void calibrationInterpolatesAndClamps() {
        var a = alignment(
            0.7,
            0.6,
            0.8,
            List.of(new CalibrationPoint(0.2, 0.3), new CalibrationPoint(0.6, 0.7))
        );
        assertEquals(0.3, a.acceptanceAtConfidence(0.0));
        assertEquals(0.5, a.acceptanceAtConfidence(0.4), 1e-12);
        assertEquals(0.7, a.acceptanceAtConfidence(1.0));
        assertEquals(0.7, alignment(0.7, 0.6, 0.8, List.of()).acceptanceAtConfidence(0.1));
    }

    @Test
    void servedTargetNeedsAPrice() {
        rejects("dollarsPerMillionVerifiedTokens is missing (give it or dollarsPerGpuHour)", () ->
            new ServedTarget(
                "t",
                new VerificationLatency.Fixed(0.5),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                0.03,
                ILLUSTRATIVE,
                Map.of()
            )
        );
    }

    @Test
    void measuredProvenanceNeedsSamples() {
        rejects("sampleCount must be greater than 0 but is 0", () ->
            new Provenance.Measured("tool", LocalDate.of(2026, 1, 1), 0)
        );
    }

    @Test
    void fieldProvenanceOverridesTheRecordsProvenance() {
        Provenance paper = new Provenance.Literature("paper");
        var m = new DraftingMeasurement("a", "q4", 1, 0, 0, 5, ILLUSTRATIVE, Map.of("powerWatts", paper));
        assertEquals(paper, m.provenanceOf("powerWatts"));
        assertEquals(ILLUSTRATIVE, m.provenanceOf("tokensPerSecond"));
    }

    @Test
    void aFieldProvenanceMustNameAFieldOfItsRecordAlsoInCode() {
        Provenance paper = new Provenance.Literature("paper");
        rejects("fieldProvenance.powerWats names no field of this object", () ->
            new DraftingMeasurement("a", "q4", 1, 0, 0, 5, ILLUSTRATIVE, Map.of("powerWats", paper))
        );
        rejects("fieldProvenance.provenance names no field of this object", () ->
            new DraftingMeasurement("a", "q4", 1, 0, 0, 5, ILLUSTRATIVE, Map.of("provenance", paper))
        );
    }

    @Test
    void configurationNeedsAPositiveK() {
        rejects("k must be greater than 0 but is 0", () -> new Configuration("d", "a", "q4", "t", 0));
    }

    @Test
    void linearVerificationAddsItsTerms() {
        var linear = new VerificationLatency.Linear(0.01, 0.001, 0.0001, 0.002);
        assertEquals(0.01 + 0.001 * 10 + 0.0001 * 100 + 0.002 * 2, linear.seconds(10, 100, 2), 1e-15);
    }
}
