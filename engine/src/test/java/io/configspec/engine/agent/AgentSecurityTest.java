package io.configspec.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.engine.measure.ProfilingContext;
import io.configspec.engine.measure.ProfilingRequest;
import io.configspec.engine.net.BearerToken;
import io.configspec.engine.sensors.CommandRunner;
import io.configspec.engine.sensors.SensorOptions;
import io.configspec.engine.sensors.SensorSuite;
import io.configspec.engine.sensors.SysfsReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 2: authentication, body validation, one job at a time, clients that vanish. */
class AgentSecurityTest {

    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final String VALID_JOB = "{\"drafter\": \"sample-drafter\", \"kValues\": [1, 2]}";

    @TempDir
    Path temp;

    private final AtomicInteger runs = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private BoardAgent agent;
    private HttpClient http;

    /** A job that runs until released or cancelled. */
    private JsonNode blockingJob(ProfilingRequest request, ProfilingContext context)
        throws InterruptedException {
        runs.incrementAndGet();
        started.countDown();
        while (!release.await(10, TimeUnit.MILLISECONDS)) {
            context.checkCancelled();
        }
        return AgentJson.MAPPER.createObjectNode().put("drafter", request.drafterLabel());
    }

    @BeforeEach
    void startAgent() throws IOException {
        SensorSuite suite = SensorSuite.detect(
            new SysfsReader(temp),
            CommandRunner.none(),
            SensorOptions.defaults()
        );
        JobRunner runner = new JobRunner() {
            @Override
            public JsonNode run(ProfilingRequest request, ProfilingContext context) throws Exception {
                return blockingJob(request, context);
            }

            @Override
            public void check(ProfilingRequest request) {
                if ("missing-model".equals(request.drafter())) {
                    throw new IllegalArgumentException("field 'drafter': no model named 'missing-model'");
                }
            }
        };
        agent = BoardAgent.start(AgentConfig.loopback(0, BearerToken.of(TOKEN)), suite, runner);
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stopAgent() {
        release.countDown();
        agent.close();
        http.close();
    }

    private HttpResponse<String> send(
        String method,
        String path,
        String token,
        String contentType,
        String body
    ) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + agent.port() + path)
        ).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(
            method,
            body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)
        );
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code json} as a new job, with the token. */
    private HttpResponse<String> postJob(String json) throws Exception {
        return send("POST", "/api/v1/jobs", TOKEN, "application/json", json);
    }

    /** Posts {@code json} as a job and asserts that it is answered 400 and no job ran. */
    private HttpResponse<String> refusedWith400(String json) throws Exception {
        HttpResponse<String> response = postJob(json);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(0, runs.get());
        return response;
    }

    private static String error(HttpResponse<String> response) throws IOException {
        return AgentJson.MAPPER.readTree(response.body()).path("error").asText();
    }

    @Test
    void noTokenIs401AndNothingRuns() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/jobs", null, "application/json", VALID_JOB);

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(0, runs.get());
        assertTrue(agent.jobs().running().isEmpty());
    }

    @Test
    void wrongTokenIs401AndNothingRuns() throws Exception {
        assertEquals(
            401,
            send("POST", "/api/v1/jobs", TOKEN + "x", "application/json", VALID_JOB).statusCode()
        );
        assertEquals(
            401,
            send(
                "POST",
                "/api/v1/jobs",
                "test-token-0123456789abcdeF",
                "application/json",
                VALID_JOB
            ).statusCode()
        );
        assertEquals(401, send("GET", "/api/v1/info", "", null, null).statusCode());
        assertEquals(401, send("GET", "/api/v1/sensors", TOKEN.substring(1), null, null).statusCode());
        assertEquals(0, runs.get());
    }

    @Test
    void unknownPathsAreAlso401WithoutTheToken() throws Exception {
        assertEquals(401, send("GET", "/secret", null, null, null).statusCode());
        assertEquals(404, send("GET", "/secret", TOKEN, null, null).statusCode());
    }

    @Test
    void malformedJsonIs400WithAMessage() throws Exception {
        HttpResponse<String> response = refusedWith400("{\"drafter\": ");

        assertTrue(error(response).startsWith("malformed JSON"), response.body());
    }

    @Test
    void invalidFieldsAre400NamingTheField() throws Exception {
        HttpResponse<String> unknown = postJob("{\"drafter\":\"a\",\"rm\":1}");
        HttpResponse<String> badK = postJob("{\"drafter\":\"a\",\"kValues\":[0]}");
        HttpResponse<String> path = postJob("{\"drafter\":\"../etc\"}");
        HttpResponse<String> array = postJob("[1,2]");

        assertEquals(400, unknown.statusCode());
        assertEquals("unknown field 'rm'", error(unknown));
        assertEquals(400, badK.statusCode());
        assertTrue(error(badK).contains("kValues"), badK.body());
        assertEquals(400, path.statusCode());
        assertTrue(error(path).contains("drafter"), path.body());
        assertEquals(400, array.statusCode());
        assertEquals(0, runs.get());
    }

    @Test
    void everyJobParameterIsCheckedBeforeTheJobIsAccepted() throws Exception {
        HttpResponse<String> preset = postJob("{\"twin\": {\"preset\": \"gpt-9\", \"precision\": \"int8\"}}");
        HttpResponse<String> layers = postJob(
            "{\"twin\": {\"preset\": \"qwen2.5-1.5b\", \"precision\": \"int8\", \"layers\": 256}}"
        );
        HttpResponse<String> model = postJob("{\"drafter\": \"missing-model\"}");

        assertEquals(400, preset.statusCode());
        assertTrue(
            error(preset).contains("twin.preset") && error(preset).contains("qwen2.5-0.5b"),
            preset.body()
        );
        assertEquals(400, layers.statusCode());
        assertTrue(error(layers).contains("twin.layers") && error(layers).contains("28"), layers.body());
        assertEquals(400, model.statusCode());
        assertTrue(error(model).contains("drafter"), model.body());
        assertEquals(0, runs.get());
        assertTrue(agent.jobs().running().isEmpty());
    }

    @Test
    void repeatedKeysAreRefused() throws Exception {
        HttpResponse<String> response = refusedWith400(
            "{\"drafter\": \"sample-drafter\", \"drafter\": \"other\"}"
        );

        assertTrue(error(response).contains("'drafter'"), response.body());
    }

    @Test
    void aBadPercentEscapeIsAJson400() throws Exception {
        for (String target : new String[] { "/api/v1/stream?hz=%zz", "/api/v1/%zz" }) {
            try (Socket socket = new Socket("127.0.0.1", agent.port())) {
                socket
                    .getOutputStream()
                    .write(
                        ("GET " +
                            target +
                            " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                            TOKEN +
                            "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII)
                    );
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
                assertTrue(answer.contains("application/json"), answer);
                assertTrue(answer.contains("{\"error\":"), answer);
                assertFalse(answer.contains("URISyntaxException") || answer.contains("<h1>"), answer);
            }
        }
    }

    @Test
    void oversizedBodyIs413WithAMessage() throws Exception {
        String huge = "{\"drafter\":\"" + "a".repeat(20_000) + "\"}";

        HttpResponse<String> response = postJob(huge);

        assertEquals(413, response.statusCode());
        assertTrue(error(response).contains("larger than"), response.body());
        assertEquals(0, runs.get());
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/jobs", TOKEN, "text/plain", VALID_JOB);

        assertEquals(415, response.statusCode());
        assertFalse(error(response).isBlank());
    }

    @Test
    void aSecondJobWhileOneRunsIs409() throws Exception {
        HttpResponse<String> first = postJob(VALID_JOB);
        HttpResponse<String> second = postJob(VALID_JOB);

        assertEquals(202, first.statusCode());
        assertEquals(409, second.statusCode());
        String firstId = AgentJson.MAPPER.readTree(first.body()).path("id").asText();
        assertEquals(firstId, AgentJson.MAPPER.readTree(second.body()).path("runningJob").asText());
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
    }

    @Test
    void aClientKilledMidJobLeavesTheJobRunningAndTheAgentServing() throws Exception {
        // A raw client posts a job and a stream request, then dies without reading the answers.
        try (Socket socket = new Socket("127.0.0.1", agent.port())) {
            byte[] body = VALID_JOB.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(
                ("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                    TOKEN +
                    "\r\nContent-Type: application/json\r\nContent-Length: " +
                    body.length +
                    "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)
            );
            out.write(body);
            out.flush();
            assertTrue(started.await(5, TimeUnit.SECONDS));
        }
        try (Socket stream = new Socket("127.0.0.1", agent.port())) {
            stream
                .getOutputStream()
                .write(
                    ("GET /api/v1/stream?hz=20 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                        TOKEN +
                        "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)
                );
            InputStream in = stream.getInputStream();
            assertTrue(in.read(new byte[256]) > 0);
        }
        String id = agent.jobs().running().orElseThrow().id();

        release.countDown();
        try (AgentClient client = new AgentClient("127.0.0.1", agent.port(), TOKEN)) {
            JobStatus done = client.awaitJob(id, Duration.ofSeconds(10), Duration.ofMillis(20), s -> {});
            assertEquals(JobState.SUCCEEDED, done.state());
            assertEquals("sample-drafter", done.result().path("drafter").asText());
            assertEquals(0, client.info().protocolVersion() - AgentJson.PROTOCOL_VERSION);
        }
    }

    @Test
    void deleteCancelsTheRunningJobAndANewOneMayStart() throws Exception {
        try (AgentClient client = new AgentClient("127.0.0.1", agent.port(), TOKEN)) {
            JobStatus job = client.startJob(ProfilingRequest.forDrafter("sample-drafter"));
            assertTrue(started.await(5, TimeUnit.SECONDS));

            client.cancelJob(job.id());
            JobStatus done = client.awaitJob(
                job.id(),
                Duration.ofSeconds(10),
                Duration.ofMillis(20),
                s -> {}
            );

            assertEquals(JobState.CANCELLED, done.state());
            assertEquals(null, done.result());
            assertTrue(agent.jobs().running().isEmpty());
        }
    }

    @Test
    void unknownJobsAre404AndWrongMethods405() throws Exception {
        assertEquals(404, send("GET", "/api/v1/jobs/nope", TOKEN, null, null).statusCode());
        assertEquals(404, send("DELETE", "/api/v1/jobs/nope", TOKEN, null, null).statusCode());
        assertEquals(405, send("DELETE", "/api/v1/info", TOKEN, null, null).statusCode());
        assertEquals(405, send("GET", "/api/v1/jobs", TOKEN, null, null).statusCode());
    }

    @Test
    void streamRateOutOfRangeIs400() throws Exception {
        assertEquals(400, send("GET", "/api/v1/stream?hz=1000", TOKEN, null, null).statusCode());
        assertEquals(400, send("GET", "/api/v1/stream?hz=fast", TOKEN, null, null).statusCode());
        assertEquals(400, send("GET", "/api/v1/stream?count=0", TOKEN, null, null).statusCode());
    }

    @Test
    void theAgentListensOnLoopbackByDefault() {
        assertTrue(agent.address().getAddress().isLoopbackAddress());
    }

    @Test
    void closingCancelsTheRunningJobAndStopsListening() throws Exception {
        try (AgentClient client = new AgentClient("127.0.0.1", agent.port(), TOKEN)) {
            JobStatus job = client.startJob(ProfilingRequest.forDrafter("sample-drafter"));
            assertTrue(started.await(5, TimeUnit.SECONDS));

            agent.close();

            assertEquals(JobState.CANCELLED, agent.jobs().status(job.id()).orElseThrow().state());
            AgentException e = assertThrows(AgentException.class, client::info);
            assertEquals(0, e.status());
        }
    }

    @Test
    void tokensFromFilesMustBeLongEnough() throws Exception {
        Path file = temp.resolve("token");
        Files.writeString(file, "short\n");
        assertThrows(IOException.class, () -> BearerToken.read(file));

        Files.writeString(file, TOKEN + "\nignored second line\n");
        assertTrue(BearerToken.read(file).matchesAuthorizationHeader("Bearer " + TOKEN));
        assertTrue(BearerToken.read(file).matchesAuthorizationHeader("bearer " + TOKEN));
        assertFalse(BearerToken.read(file).matchesAuthorizationHeader(TOKEN));
        assertFalse(BearerToken.generate().value().equals(BearerToken.generate().value()));
        assertEquals(43, BearerToken.generate().value().length());
    }
}
