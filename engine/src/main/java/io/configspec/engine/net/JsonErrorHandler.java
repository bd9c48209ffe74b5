package io.configspec.engine.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a malformed request line or %-escape in the path, headers over the limit,
 * a body over the limit, a bad Content-Length) answered as our protocol's JSON {@code {"error":
 * "..."}}, not an HTML page; never a stack trace or a class name.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final int maxBodyBytes;
    private final int maxHeaderBytes;

    JsonErrorHandler(int maxBodyBytes, int maxHeaderBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback
    ) throws IOException {
        byte[] bytes = RequestJson.MAPPER.writeValueAsBytes(HttpCall.error(sentence(code, message)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** One sentence for a status Jetty chose. */
    String sentence(int code, String message) {
        return switch (code) {
            case 413 -> "the body is larger than " + maxBodyBytes + " bytes";
            case 431 -> "the request line and headers are larger than " + maxHeaderBytes + " bytes";
            case 400 -> "bad request: " + (message == null || message.isBlank() ? "malformed HTTP" : message);
            default -> {
                String reason = HttpStatus.getMessage(code);
                yield message == null || message.isBlank() || message.equals(reason)
                    ? reason.toLowerCase(java.util.Locale.ROOT)
                    : message;
            }
        };
    }
}
