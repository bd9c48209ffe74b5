package io.configspec.engine.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.sensors.BoardInfo;
import io.configspec.engine.sensors.PowerReading;
import io.configspec.engine.sensors.PowerSource;
import io.configspec.engine.sensors.RailPower;
import io.configspec.engine.sensors.SensorSnapshot;
import io.configspec.engine.sensors.SensorSuite;
import io.configspec.engine.sensors.Temperature;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent protocol's JSON (decision 0060): sensor snapshots and the board description. Numbers
 * that were not measured are {@code null}, never NaN or 0.
 */
public final class AgentJson {

    /** Protocol version, reported by {@code GET /api/v1/info}. */
    public static final int PROTOCOL_VERSION = 1;

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private AgentJson() {}

    public static ObjectNode snapshot(SensorSnapshot s) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("epochMillis", s.epochMillis());
        json.put("monotonicNanos", s.monotonicNanos());
        putNumber(json, "powerWatts", s.powerWatts());
        json.put("powerSource", s.powerSourceId());
        ArrayNode sources = json.putArray("power");
        for (PowerReading reading : s.power()) {
            ObjectNode r = sources.addObject();
            r.put("source", reading.sourceId());
            r.put("watts", reading.watts());
            ArrayNode rails = r.putArray("rails");
            for (RailPower rail : reading.rails()) {
                ObjectNode o = rails.addObject();
                o.put("name", rail.name());
                o.put("watts", rail.watts());
                putNumber(o, "volts", rail.volts());
                putNumber(o, "amps", rail.amps());
            }
        }
        ArrayNode temps = json.putArray("temperatures");
        for (Temperature t : s.temperatures()) {
            temps.addObject().put("zone", t.zone()).put("celsius", t.celsius());
        }
        ArrayNode freqs = json.putArray("cpuFrequenciesMhz");
        for (double f : s.cpuFrequenciesMhz()) {
            freqs.add(f);
        }
        if (s.memoryUsedBytes() >= 0) {
            json.put("memoryUsedBytes", s.memoryUsedBytes());
        } else {
            json.putNull("memoryUsedBytes");
        }
        return json;
    }

    public static SensorSnapshot parseSnapshot(JsonNode json) {
        List<PowerReading> power = new ArrayList<>();
        for (JsonNode r : json.path("power")) {
            List<RailPower> rails = new ArrayList<>();
            for (JsonNode o : r.path("rails")) {
                rails.add(
                    new RailPower(
                        o.path("name").asText(),
                        o.path("watts").asDouble(),
                        number(o, "volts"),
                        number(o, "amps")
                    )
                );
            }
            power.add(new PowerReading(r.path("source").asText(), r.path("watts").asDouble(), rails));
        }
        List<Temperature> temps = new ArrayList<>();
        for (JsonNode t : json.path("temperatures")) {
            temps.add(new Temperature(t.path("zone").asText(), t.path("celsius").asDouble()));
        }
        JsonNode freqNode = json.path("cpuFrequenciesMhz");
        double[] freqs = new double[freqNode.size()];
        for (int i = 0; i < freqs.length; i++) {
            freqs[i] = freqNode.get(i).asDouble();
        }
        JsonNode source = json.get("powerSource");
        return new SensorSnapshot(
            json.path("epochMillis").asLong(),
            json.path("monotonicNanos").asLong(),
            number(json, "powerWatts"),
            source == null || source.isNull() ? null : source.asText(),
            power,
            temps,
            freqs,
            json.hasNonNull("memoryUsedBytes") ? json.get("memoryUsedBytes").asLong() : -1
        );
    }

    public static ObjectNode board(BoardInfo info) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("name", info.boardName());
        json.put("cpuModel", info.cpuModel());
        json.put("cpuCores", info.cpuCores());
        json.put("memoryTotalBytes", info.memoryTotalBytes());
        json.put("architecture", info.architecture());
        return json;
    }

    public static BoardInfo parseBoard(JsonNode json) {
        return new BoardInfo(
            json.path("name").asText(),
            json.path("cpuModel").asText(),
            json.path("cpuCores").asInt(),
            json.path("memoryTotalBytes").asLong(),
            json.path("architecture").asText()
        );
    }

    /** The {@code sensors} part of {@code GET /info}: power sources with coverage, and notes. */
    public static ObjectNode sensorsFound(SensorSuite suite, SensorSnapshot latest) {
        ObjectNode json = MAPPER.createObjectNode();
        ArrayNode sources = json.putArray("powerSources");
        for (PowerSource source : suite.powerSources()) {
            sources
                .addObject()
                .put("id", source.id())
                .put("coverage", source.coverage().label())
                .put("description", source.description());
        }
        ArrayNode zones = json.putArray("thermalZones");
        latest.temperatures().forEach(t -> zones.add(t.zone()));
        json.put("cpuFrequencyCount", latest.cpuFrequenciesMhz().length);
        ArrayNode notes = json.putArray("notes");
        suite.notes().forEach(notes::add);
        return json;
    }

    public static ObjectNode error(String message) {
        return MAPPER.createObjectNode().put("error", message);
    }

    /** Puts a finite number, or JSON null for NaN and infinities (which JSON cannot carry). */
    static void putNumber(ObjectNode json, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
    }

    /** The number in {@code json.field}, NaN where the object, the field or its value is missing. */
    static double number(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }
}
