package io.configspec.engine.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.engine.sensors.BoardInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code GET /api/v1/info} says about a board.
 *
 * @param protocolVersion the agent's protocol version
 * @param board board, CPU and memory
 * @param powerSources power sources found, broadest first
 * @param notes detection problems (missing permissions, no power sensor)
 * @param maxStreamHz fastest stream rate
 * @param runningJob id of the running job, or null
 */
public record AgentInfo(
    int protocolVersion,
    BoardInfo board,
    List<PowerSourceInfo> powerSources,
    List<String> notes,
    double maxStreamHz,
    String runningJob
) {
    /** One power source: id, what its total covers, what it measures and misses. */
    public record PowerSourceInfo(String id, String coverage, String description) {}

    public boolean hasPower() {
        return !powerSources.isEmpty();
    }

    public static AgentInfo fromJson(JsonNode json) {
        List<PowerSourceInfo> sources = new ArrayList<>();
        for (JsonNode s : json.path("sensors").path("powerSources")) {
            sources.add(
                new PowerSourceInfo(
                    s.path("id").asText(),
                    s.path("coverage").asText(),
                    s.path("description").asText()
                )
            );
        }
        List<String> notes = new ArrayList<>();
        json
            .path("sensors")
            .path("notes")
            .forEach(n -> notes.add(n.asText()));
        JsonNode running = json.get("runningJob");
        return new AgentInfo(
            json.path("protocolVersion").asInt(),
            AgentJson.parseBoard(json.path("board")),
            List.copyOf(sources),
            List.copyOf(notes),
            json.path("maxStreamHz").asDouble(),
            running == null || running.isNull() ? null : running.asText()
        );
    }
}
