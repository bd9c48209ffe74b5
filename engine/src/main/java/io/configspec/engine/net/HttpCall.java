package io.configspec.engine.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * One authenticated request to a {@link GuardedHttpServer} endpoint, in blocking style (each call
 * runs on its own virtual thread): read the method, path, query and a bounded JSON body; answer
 * once with JSON, or open a stream. Readers throw {@link HttpProblem} with the status and sentence
 * the client gets.
 */
public final class HttpCall {

    private final Request request;
    private final Response response;
    private final int maxBodyBytes;
    private final Runnable bodyArrived;
    private boolean answered;

    HttpCall(Request request, Response response, int maxBodyBytes, Runnable bodyArrived) {
        this.request = request;
        this.response = response;
        this.maxBodyBytes = maxBodyBytes;
        this.bodyArrived = bodyArrived;
    }

    /** The method, upper case. */
    public String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    /** The decoded path, e.g. {@code /api/v1/jobs/j1}. */
    public String path() {
        return request.getHttpURI().getDecodedPath();
    }

    /** A request header, or null. */
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /**
     * The query parameters (the last value of a repeated one).
     *
     * @throws HttpProblem 400 for a malformed %-escape or invalid UTF-8
     */
    public Map<String, String> query() {
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw new HttpProblem(
                400,
                "the query string is not valid (a malformed %-escape or invalid UTF-8)"
            );
        }
        Map<String, String> params = new HashMap<>();
        for (Fields.Field field : fields) {
            params.put(field.getName(), field.getValues().getLast());
        }
        return params;
    }

    /**
     * The body as JSON, read within the size limit and parsed strictly ({@link RequestJson}).
     *
     * @throws HttpProblem 415 unless the content type is JSON, 413 over the limit, 400 if malformed
     */
    public JsonNode jsonBody() {
        String contentType = header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(415, "the body must be JSON (Content-Type: application/json)");
        }
        return RequestJson.parse(body());
    }

    /** The raw body, at most the server's limit (413 beyond it, after reading no more than that). */
    public byte[] body() {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw tooLarge();
            }
            arrived();
            return bytes;
        } catch (IOException | RuntimeException e) {
            if (e instanceof HttpProblem problem) {
                throw problem;
            }
            HttpException http = HttpException.asHttpException(e);
            if (http != null && http.getCode() == 413) {
                throw tooLarge();
            }
            if (e instanceof HttpException) {
                throw new HttpProblem(http.getCode(), "the body could not be read: " + http.getReason());
            }
            throw new HttpProblem(400, "the body could not be read: " + e.getMessage());
        }
    }

    /** The whole request is here (its body read, or it has none). */
    void arrived() {
        bodyArrived.run();
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(413, "the body is larger than " + maxBodyBytes + " bytes");
    }

    /** Sets a response header (before answering). */
    public void setHeader(String name, String value) {
        response.getHeaders().put(new HttpField(name, value));
    }

    /** Answers with JSON; the call is complete afterwards. */
    public void reply(int status, JsonNode json) throws IOException {
        byte[] bytes = RequestJson.MAPPER.writeValueAsBytes(json);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        answered = true;
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            out.write(bytes);
        }
    }

    /** Answers {@code {"error": message}}. */
    public void replyError(int status, String message) throws IOException {
        reply(status, error(message));
    }

    /**
     * Starts a streamed answer (e.g. server-sent events); the caller writes, flushes and closes it.
     */
    public OutputStream stream(int status, String contentType) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        answered = true;
        return Content.Sink.asOutputStream(response);
    }

    boolean answered() {
        return answered;
    }

    /** {@code {"error": message}}. */
    public static ObjectNode error(String message) {
        return RequestJson.MAPPER.createObjectNode().put("error", message);
    }
}
