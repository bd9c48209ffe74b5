package io.configspec.engine.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.net.BearerToken;
import io.configspec.engine.net.RawHttp;
import io.configspec.engine.net.ServerGuards;
import io.configspec.engine.testing.SampleFamilyFixture;
import io.configspec.model.fleet.FcfsBatchScheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The verification service's probes of issue 20 (reproducer 4, acceptance 4). */
class VerificationServerGuardsTest {

    private static final SampleFamilyFixture FAMILY = SampleFamilyFixture.get();
    private static final String TOKEN = "verifier-token-0123456789abcdef";
    private static final String AUTH = "Authorization: Bearer " + TOKEN + "\r\n";

    private VerificationServer server;

    private void start(VerificationServer.Limits limits) throws IOException {
        server = VerificationServer.start(
            FAMILY.target(),
            new FcfsBatchScheduler(4, 0),
            ServerGuards.loopback(0, BearerToken.of(TOKEN), VerificationServer.MAX_BODY_BYTES),
            limits
        );
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private RawHttp.Answer post(String path, String body, String auth) throws IOException {
        return RawHttp.send(
            server.port(),
            "POST " +
                path +
                " HTTP/1.1\r\nHost: x\r\n" +
                auth +
                "Content-Type: application/json\r\nContent-Length: " +
                body.getBytes(StandardCharsets.UTF_8).length +
                "\r\nConnection: close\r\n\r\n" +
                body
        );
    }

    private static void assertJsonError(RawHttp.Answer answer, int status, String mentions)
        throws IOException {
        assertEquals(status, answer.status(), answer.head() + "\n" + answer.body());
        assertTrue(answer.error().contains(mentions), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
    }

    @Test
    void itListensOnLoopbackAndNeedsTheToken() throws IOException {
        start(VerificationServer.Limits.defaults());
        assertTrue(server.uri().getHost().startsWith("127."));
        assertJsonError(post("/v1/sessions", "{\"prompt\": [1, 2]}", ""), 401, "token");
        assertEquals(0, server.openSessions());
    }

    @Test
    void malformedJsonAndUnknownSessionsGetAJsonAnswer() throws IOException {
        start(VerificationServer.Limits.defaults());
        assertJsonError(post("/v1/verify", "{\"session\": ", AUTH), 400, "malformed JSON");
        assertJsonError(
            post("/v1/verify", "{\"session\": 999, \"drafts\": [1]}", AUTH),
            404,
            "unknown session 999"
        );
        assertJsonError(
            RawHttp.send(
                server.port(),
                "DELETE /v1/sessions/999 HTTP/1.1\r\nHost: x\r\n" + AUTH + "Connection: close\r\n\r\n"
            ),
            404,
            "unknown session"
        );
        assertJsonError(
            RawHttp.send(
                server.port(),
                "DELETE /v1/sessions/abc HTTP/1.1\r\nHost: x\r\n" + AUTH + "Connection: close\r\n\r\n"
            ),
            400,
            "integer"
        );
        assertJsonError(
            post("/v1/sessions", "{\"prompt\": [1], \"extra\": 1}", AUTH),
            400,
            "unknown field 'extra'"
        );
    }

    @Test
    void tokenIdsOutsideTheVocabularyOrNotIntegersAreRefused() throws Exception {
        start(VerificationServer.Limits.defaults());
        assertJsonError(post("/v1/sessions", "{\"prompt\": [1, -1]}", AUTH), 400, "prompt[1]");
        assertJsonError(post("/v1/sessions", "{\"prompt\": [\"a\"]}", AUTH), 400, "prompt[0]");
        assertJsonError(post("/v1/sessions", "{\"prompt\": [1000000]}", AUTH), 400, "vocabulary");
        assertJsonError(post("/v1/sessions", "{\"prompt\": [1.5]}", AUTH), 400, "prompt[0]");
        assertJsonError(post("/v1/sessions", "{\"prompt\": []}", AUTH), 400, "prompt");
        assertEquals(0, server.openSessions());

        long session = server.client().open(new int[] { 1, 2, 3 });
        assertJsonError(
            post("/v1/verify", "{\"session\": " + session + ", \"drafts\": [-1]}", AUTH),
            400,
            "drafts[0]"
        );
        // a negative slack is a late client (accepted); one beyond a day or not a number is refused
        assertJsonError(
            post(
                "/v1/verify",
                "{\"session\": " + session + ", \"drafts\": [1], \"slackSeconds\": -1e6}",
                AUTH
            ),
            400,
            "slackSeconds"
        );
        assertJsonError(
            post(
                "/v1/verify",
                "{\"session\": " + session + ", \"drafts\": [1], \"targetSlackSeconds\": \"soon\"}",
                AUTH
            ),
            400,
            "targetSlackSeconds"
        );
    }

    @Test
    void aHundredMegabyteBodyIs413AfterAFewMegabytes() throws IOException {
        start(VerificationServer.Limits.defaults());
        long hundredMb = 100L * 1024 * 1024;
        RawHttp.Answer answer = RawHttp.post(server.port(), "/v1/sessions", AUTH, hundredMb, false);
        assertJsonError(answer, 413, "larger than");
        System.out.printf(
            "verification service: 100 MB body answered 413 after the client pushed %.2f MB%n",
            answer.bodySent() / 1e6
        );
        assertTrue(answer.bodySent() < 8L * 1024 * 1024, "sent " + answer.bodySent());
    }

    @Test
    void sessionsBeyondTheLimitAreRefusedAndUnusedOnesExpire() throws Exception {
        start(new VerificationServer.Limits(3, Duration.ofSeconds(1), 64, 8, 256));
        VerifierClient client = server.client();
        for (int i = 0; i < 3; i++) {
            client.open(new int[] { 1, 2 });
        }
        assertJsonError(post("/v1/sessions", "{\"prompt\": [1, 2]}", AUTH), 429, "too many open sessions");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.openSessions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertEquals(0, server.openSessions());
        assertEquals(200, post("/v1/sessions", "{\"prompt\": [1, 2]}", AUTH).status());
    }

    @Test
    void aThousandSessionOpeningsKeepMemoryWithinTwiceIdle() throws Exception {
        start(VerificationServer.Limits.defaults());
        VerifierClient client = server.client();
        for (int i = 0; i < 20; i++) {
            client.close(client.open(new int[] { 1, 2, 3, 4 })); // warm up
        }
        long idle = residentBytes();
        int refused = 0;
        int[] prompt = new int[64];
        long peak = 0; // sampled through the openings, not only after them
        for (int i = 0; i < 1000; i++) {
            prompt[0] = i % 200;
            try {
                client.open(prompt); // never closed: the session limit must hold
            } catch (IOException e) {
                assertTrue(e.getMessage().contains("429"), e.getMessage());
                refused++;
            }
            if (i % 100 == 99) {
                peak = Math.max(peak, residentBytes());
            }
        }
        System.out.printf(
            "verification service: resident %d MB idle, at most %d MB through 1,000 session openings (%d refused: limit %d)%n",
            idle / 1_000_000,
            peak / 1_000_000,
            refused,
            VerificationServer.Limits.defaults().maxSessions()
        );
        assertEquals(1000 - VerificationServer.Limits.defaults().maxSessions(), refused);
        assertTrue(
            peak < 2 * idle,
            "resident up to " +
                peak / 1_000_000 +
                " MB through the openings, " +
                idle / 1_000_000 +
                " MB idle"
        );
    }

    /** This process's resident set (Linux), bytes: heap, native ONNX Runtime memory and all. */
    private static long residentBytes() throws IOException {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
