package io.configspec.engine.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.sensors.BoardInfo;
import io.configspec.model.measurement.DraftingFit;
import java.time.LocalDate;
import java.util.ArrayList;
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

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode json = f.objectNode();
        json.put("tool", tool);
        json.put("date", date.toString());
        ObjectNode b = json.putObject("board");
        b.put("name", board.boardName());
        b.put("cpuModel", board.cpuModel());
        b.put("cpuCores", board.cpuCores());
        b.put("memoryTotalBytes", board.memoryTotalBytes());
        b.put("architecture", board.architecture());
        json.put("powerSource", powerSource);
        json.put("drafter", drafter);
        json.put("quantization", quantization);
        json.put("family", family);
        json.set("drafterInfo", info(drafterInfo));
        json.set("targetInfo", info(targetInfo));
        number(json, "idleWatts", idleWatts);
        json.put("idleSamples", idleSamples);
        number(json, "draftingWatts", draftingWatts);
        number(json, "joulesPerToken", joulesPerToken);
        json.put("powerSamples", powerSamples);
        ArrayNode cellArray = json.putArray("cells");
        for (DraftingCell c : cells) {
            ObjectNode o = cellArray.addObject();
            o.put("contextTokens", c.contextTokens());
            o.put("k", c.k());
            o.set("roundSeconds", stats(c.roundSeconds()));
            o.set("tokensPerSecond", stats(c.tokensPerSecond()));
            o.put("rounds", c.rounds());
        }
        ObjectNode fitJson = json.putObject("fit");
        fitJson.put("tokensPerSecond", fit.tokensPerSecond());
        fitJson.put("roundOverheadSeconds", fit.roundOverheadSeconds());
        fitJson.put("contextSlowdownPerThousandTokens", fit.contextSlowdownPerThousandTokens());
        ArrayNode ver = json.putArray("verification");
        for (VerificationCell v : verification) {
            ver.addObject().put("k", v.k()).put("batch", v.batch()).set("seconds", stats(v.seconds()));
        }
        if (acceptance != null) {
            ObjectNode a = json.putObject("acceptance");
            a.put("target", acceptance.target());
            a.put("k", acceptance.k());
            a.put("pooledAlpha", acceptance.pooledAlpha());
            a.set("alpha", stats(acceptance.alpha()));
            ArrayNode curve = a.putArray("acceptanceByPosition");
            acceptance.acceptanceByPosition().forEach(curve::add);
            a.put("attemptedPositions", acceptance.attemptedPositions());
            a.put("prompts", acceptance.prompts());
        } else {
            json.putNull("acceptance");
        }
        return json;
    }

    public static ProfilingResult fromJson(JsonNode json) {
        JsonNode b = json.path("board");
        List<DraftingCell> cells = new ArrayList<>();
        for (JsonNode c : json.path("cells")) {
            cells.add(
                new DraftingCell(
                    c.path("contextTokens").asInt(),
                    c.path("k").asInt(),
                    parseStats(c.path("roundSeconds")),
                    parseStats(c.path("tokensPerSecond")),
                    c.path("rounds").asInt()
                )
            );
        }
        List<VerificationCell> ver = new ArrayList<>();
        for (JsonNode v : json.path("verification")) {
            ver.add(
                new VerificationCell(
                    v.path("k").asInt(),
                    v.path("batch").asInt(),
                    parseStats(v.path("seconds"))
                )
            );
        }
        AcceptanceMeasurement acceptance = null;
        JsonNode a = json.get("acceptance");
        if (a != null && !a.isNull()) {
            List<Double> curve = new ArrayList<>();
            a.path("acceptanceByPosition").forEach(x -> curve.add(x.asDouble()));
            acceptance = new AcceptanceMeasurement(
                a.path("target").asText(),
                a.path("k").asInt(),
                a.path("pooledAlpha").asDouble(),
                parseStats(a.path("alpha")),
                curve,
                a.path("attemptedPositions").asInt(),
                a.path("prompts").asInt()
            );
        }
        JsonNode fit = json.path("fit");
        JsonNode source = json.get("powerSource");
        return new ProfilingResult(
            json.path("tool").asText(),
            LocalDate.parse(json.path("date").asText()),
            new BoardInfo(
                b.path("name").asText(),
                b.path("cpuModel").asText(),
                b.path("cpuCores").asInt(),
                b.path("memoryTotalBytes").asLong(),
                b.path("architecture").asText()
            ),
            source == null || source.isNull() ? null : source.asText(),
            json.path("drafter").asText(),
            json.path("quantization").asText(),
            json.path("family").asText(""),
            parseInfo(json.get("drafterInfo")),
            parseInfo(json.get("targetInfo")),
            number(json, "idleWatts"),
            json.path("idleSamples").asInt(),
            number(json, "draftingWatts"),
            number(json, "joulesPerToken"),
            json.path("powerSamples").asInt(),
            cells,
            new DraftingFit(
                fit.path("tokensPerSecond").asDouble(),
                fit.path("roundOverheadSeconds").asDouble(),
                fit.path("contextSlowdownPerThousandTokens").asDouble()
            ),
            ver,
            acceptance
        );
    }

    private static JsonNode info(ModelProvider.ModelInfo info) {
        if (info == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", info.id());
        o.put("family", info.family());
        o.put("precision", info.precision());
        o.put("parameters", info.parameters());
        o.put("bytesOnDisk", info.bytesOnDisk());
        return o;
    }

    private static ModelProvider.ModelInfo parseInfo(JsonNode o) {
        if (o == null || o.isNull()) {
            return null;
        }
        return new ModelProvider.ModelInfo(
            o.path("id").asText(),
            o.path("family").asText(""),
            o.path("precision").asText(""),
            o.path("parameters").asLong(-1),
            o.path("bytesOnDisk").asLong(-1)
        );
    }

    private static ObjectNode stats(SampleStatistics s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("n", s.n());
        number(o, "mean", s.mean());
        number(o, "sd", s.standardDeviation());
        number(o, "ci95", s.ci95HalfWidth());
        return o;
    }

    private static SampleStatistics parseStats(JsonNode o) {
        return new SampleStatistics(
            o.path("n").asInt(),
            number(o, "mean"),
            number(o, "sd"),
            number(o, "ci95")
        );
    }

    private static void number(ObjectNode json, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
    }

    private static double number(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }
}
