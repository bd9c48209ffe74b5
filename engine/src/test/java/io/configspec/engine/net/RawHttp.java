package io.configspec.engine.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw HTTP/1.1 client for probing servers the way a hostile peer would: exact bytes, huge
 * bodies written until the server answers, and connections left idle. Test helper.
 */
public final class RawHttp {

    /** A response: status, the body as text, and how many body bytes the client managed to send. */
    public record Answer(int status, String head, String body, long bodySent) {
        public JsonNode json() throws IOException {
            return RequestJson.MAPPER.readTree(body);
        }

        public String error() throws IOException {
            return json().path("error").asText();
        }
    }

    private RawHttp() {}

    /** Sends {@code head} (request line and headers, ending with an empty line) and reads the answer. */
    public static Answer send(int port, String head) throws IOException {
        return send(port, head, 0, false);
    }

    /**
     * Posts a JSON body of {@code bodyBytes} to {@code path} as {@link #send(int, String, long,
     * boolean)} does, its length declared or, if {@code chunked}, sent in chunks; {@code headers}
     * are extra header lines, each ending in CRLF.
     */
    public static Answer post(int port, String path, String headers, long bodyBytes, boolean chunked)
        throws IOException {
        String framing = chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + bodyBytes;
        String head =
            "POST " +
            path +
            " HTTP/1.1\r\nHost: x\r\n" +
            headers +
            "Content-Type: application/json\r\n" +
            framing +
            "\r\n\r\n";
        return send(port, head, bodyBytes, chunked);
    }

    /**
     * Sends {@code head}, then up to {@code bodyBytes} of body ('a's, chunked if asked) while
     * reading the answer concurrently; stops writing once an answer has come or the server closed.
     */
    public static Answer send(int port, String head, long bodyBytes, boolean chunked) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            AtomicLong answeredAt = new AtomicLong(-1);
            Thread reader = Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[8192];
                try {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        synchronized (got) {
                            got.write(buffer, 0, n);
                        }
                        answeredAt.compareAndSet(-1, System.nanoTime());
                        if (complete(got)) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    // closed: what we have is the answer
                }
            });
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long sent = 0;
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            try {
                while (sent < bodyBytes && answeredAt.get() < 0) {
                    int n = (int) Math.min(chunk.length, bodyBytes - sent);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk, 0, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent += n;
                }
                if (chunked && sent >= bodyBytes) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // the server closed the connection after answering: expected for huge bodies
            }
            try {
                reader.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String text;
            synchronized (got) {
                text = got.toString(StandardCharsets.UTF_8);
            }
            int split = text.indexOf("\r\n\r\n");
            if (split < 0) {
                return new Answer(-1, text, "", sent);
            }
            String headPart = text.substring(0, split);
            int status = Integer.parseInt(headPart.substring(9, 12));
            return new Answer(status, headPart, text.substring(split + 4), sent);
        }
    }

    private static boolean complete(ByteArrayOutputStream got) {
        String text;
        synchronized (got) {
            text = got.toString(StandardCharsets.ISO_8859_1);
        }
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        String head = text.substring(0, split).toLowerCase(java.util.Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int end = head.indexOf("\r\n", at);
        long length = Long.parseLong(head.substring(at + 15, end < 0 ? head.length() : end).strip());
        return text.length() - split - 4 >= length;
    }

    /** Whether the server has closed {@code socket} (a read sees the end of the stream). */
    public static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(5);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
