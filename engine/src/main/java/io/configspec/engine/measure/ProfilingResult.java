package io.configspec.engine.measure;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.configspec.engine.sensors.BoardInfo;
import io.configspec.model.measurement.DraftingFit;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one profiling run measured on one board for one drafter. Power figures are NaN (JSON
 * null) when the board has no power sensor: nothing is estimated.
 *
 * @param tool tool and version that measured ({@code configspec-profiler 0.1.0})
 * @param date day of the measurement
 * @param board the board
 * @param powerSource the power source's id and what it covers, or null without one
 * @param drafter the drafter's name (model id)
 * @param quantization the drafter's precision ({@code int8}, {@code int4}, ...)
 * @param family the drafter's model family, or empty
 * @param drafterInfo the drafter's size (for the models profile)
 * @param targetInfo the target's size, or null without a target
 * @param idleWatts mean power while idle, W, or NaN
 * @param idleSamples power readings behind {@code idleWatts}
 * @param draftingWatts mean power while drafting, W, or NaN
 * @param joulesPerToken drafting energy per drafted token, J, or NaN
 * @param powerSamples power readings during drafting
 * @param cells drafting throughput per (context, K)
 * @param fit the drafting model fitted to the cells
 * @param verification verification latency per (K, batch), may be empty
 * @param acceptance acceptance against a target, or null
 */
public record ProfilingResult(
    String tool,
    LocalDate date,
    BoardInfo board,
    String powerSource,
    String drafter,
    String quantization,
    String family,
    ModelProvider.ModelInfo drafterInfo,
    ModelProvider.ModelInfo targetInfo,
    double idleWatts,
    int idleSamples,
    double draftingWatts,
    double joulesPerToken,
    int powerSamples,
    List<DraftingCell> cells,
    DraftingFit fit,
    List<VerificationCell> verification,
    AcceptanceMeasurement acceptance
) {
    public ProfilingResult {
        cells = List.copyOf(cells);
        verification = List.copyOf(verification);
    }

    public boolean hasPower() {
        return !Double.isNaN(draftingWatts);
    }

    /** Measured drafting rounds in all cells (the sample count of the throughput). */
    public int measuredRounds() {
        return cells.stream().mapToInt(DraftingCell::rounds).sum();
    }

    /** The JSON form (the agent's job result, {@code profile --json}, raw {@code .measurement} files); power not measured is null. */
    public ObjectNode toJson() {
        return MAPPER.valueToTree(this);
    }

    /**
     * Reads the JSON form written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when it is not a profiling result
     */
    public static ProfilingResult fromJson(JsonNode json) {
        try {
            return MAPPER.treeToValue(json, ProfilingResult.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a profiling result: " + e.getMessage(), e);
        }
    }

    /**
     * One binding for the record and everything in it: the JSON names of {@link SampleStatistics}
     * ({@code sd}, {@code ci95}) and {@link BoardInfo} ({@code name}), a number that was not
     * measured (NaN) as null and back, dates as {@code yyyy-mm-dd}; fields it does not know are
     * skipped, so a newer agent's result still reads.
     */
    static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addMixIn(SampleStatistics.class, StatisticsNames.class)
        .addMixIn(BoardInfo.class, BoardNames.class)
        .addModule(
            new SimpleModule("profiling-result")
                .addSerializer(Double.class, new NotMeasuredAsNull())
                .addSerializer(Double.TYPE, new NotMeasuredAsNull())
                .addDeserializer(Double.TYPE, new NullAsNotMeasured())
                .addDeserializer(Double.class, new NullAsNotMeasured())
                .addSerializer(LocalDate.class, ToStringSerializer.instance)
                .addDeserializer(
                    LocalDate.class,
                    new StdDeserializer<>(LocalDate.class) {
                        @Override
                        public LocalDate deserialize(JsonParser p, DeserializationContext context)
                            throws IOException {
                            return LocalDate.parse(p.getText());
                        }
                    }
                )
        )
        .build();

    private abstract static class StatisticsNames {

        @JsonProperty("sd")
        abstract double standardDeviation();

        @JsonProperty("ci95")
        abstract double ci95HalfWidth();
    }

    private abstract static class BoardNames {

        @JsonProperty("name")
        abstract String boardName();
    }

    private static final class NotMeasuredAsNull extends StdSerializer<Double> {

        NotMeasuredAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider)
            throws IOException {
            if (Double.isFinite(value)) {
                generator.writeNumber(value);
            } else {
                generator.writeNull();
            }
        }
    }

    private static final class NullAsNotMeasured extends StdDeserializer<Double> {

        NullAsNotMeasured() {
            super(Double.TYPE);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext context) throws IOException {
            return p.getValueAsDouble();
        }

        @Override
        public Double getNullValue(DeserializationContext context) {
            return Double.NaN;
        }
    }
}
