package io.configspec.engine.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.measure.ProfilingRequest;

/**
 * A snapshot of a job, as {@code GET /api/v1/jobs/{id}} returns it.
 *
 * @param id the job's id
 * @param state its state
 * @param progress fraction done in [0, 1]
 * @param message the latest progress message, or the failure's message
 * @param request what it measures
 * @param startedEpochMillis when it started
 * @param finishedEpochMillis when it finished, or 0 while running
 * @param result the measurement (only when SUCCEEDED), else null
 * @param liveTokensPerSecond tokens/s of the latest measured repetition, NaN before the first
 * @param liveJoulesPerToken J/token of the latest measured repetition, NaN before the first or without power
 */
public record JobStatus(
    String id,
    JobState state,
    double progress,
    String message,
    ProfilingRequest request,
    long startedEpochMillis,
    long finishedEpochMillis,
    JsonNode result,
    double liveTokensPerSecond,
    double liveJoulesPerToken
) {
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("state", state.jsonName());
        json.put("progress", progress);
        json.put("message", message);
        json.set("request", request.toJson());
        json.put("startedEpochMillis", startedEpochMillis);
        if (finishedEpochMillis > 0) {
            json.put("finishedEpochMillis", finishedEpochMillis);
        }
        if (result != null) {
            json.set("result", result);
        }
        ObjectNode live = json.putObject("live");
        AgentJson.putNumber(live, "tokensPerSecond", liveTokensPerSecond);
        AgentJson.putNumber(live, "joulesPerToken", liveJoulesPerToken);
        return json;
    }

    public static JobStatus fromJson(JsonNode json) {
        JsonNode result = json.get("result");
        return new JobStatus(
            json.path("id").asText(),
            JobState.fromJson(json.path("state").asText()),
            json.path("progress").asDouble(),
            json.path("message").asText(""),
            ProfilingRequest.fromJson(json.get("request")),
            json.path("startedEpochMillis").asLong(),
            json.path("finishedEpochMillis").asLong(0),
            result == null || result.isNull() ? null : result,
            AgentJson.number(json.get("live"), "tokensPerSecond"),
            AgentJson.number(json.get("live"), "joulesPerToken")
        );
    }
}
