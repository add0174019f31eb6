package lab.attacker.forge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request written byte for byte by the attacker's own server, where no browser rule applies: any
 * Origin, Host, Referer or User-Agent can be put on it. What it cannot put on it is the victim's cookie,
 * which lives only in the victim's browser.
 */
public final class ForgedRequest {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    /**
     * What came back: the status code, the header lines ({@code "Name: value"}, in order) and the body as text.
     */
    public record Answer(int status, List<String> headerLines, String body) {

        public Answer {
            headerLines = List.copyOf(headerLines);
        }

        /** The values of every header named {@code name} (any case), in the order they came. */
        public List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring(prefix.length()).strip())
                    .toList();
        }
    }

    private ForgedRequest() {}

    /**
     * Sends {@code GET path} to a server on loopback with exactly the given headers.
     *
     * @param port    the loopback port of the target
     * @param path    an absolute path such as {@code /api/me}
     * @param headers header name to value, written as given (Host included)
     */
    public static Answer get(int port, String path, Map<String, String> headers) throws IOException {
        return send(port, "GET " + path, headers, "");
    }

    /**
     * Sends {@code POST path} with a form body ({@code application/x-www-form-urlencoded}, already encoded) to a
     * server on loopback with exactly the given headers, plus the body's type and length.
     */
    public static Answer postForm(int port, String path, Map<String, String> headers, String formBody)
            throws IOException {
        Map<String, String> withBody = new LinkedHashMap<>(headers);
        withBody.put("Content-Type", "application/x-www-form-urlencoded");
        withBody.put("Content-Length", String.valueOf(formBody.getBytes(StandardCharsets.ISO_8859_1).length));
        return send(port, "POST " + path, withBody, formBody);
    }

    private static Answer send(int port, String requestLine, Map<String, String> headers, String body)
            throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Connection: close\r\n\r\n").append(body);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) != -1) {
            buffer.write(chunk, 0, n);
            if (buffer.size() > MAX_RESPONSE_BYTES) {
                throw new IOException("answer larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
        }
        return buffer.toByteArray();
    }

    private static Answer parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headerEnd < 0) {
            throw new IOException("not an HTTP/1.1 answer");
        }
        int status = Integer.parseInt(text.substring(9, 12));
        List<String> headerLines =
                new ArrayList<>(List.of(text.substring(0, headerEnd).split("\r\n")));
        headerLines.remove(0);
        String body = text.substring(headerEnd + 4);
        Answer answer = new Answer(status, headerLines, body);
        return answer.headers("Transfer-Encoding").contains("chunked")
                ? new Answer(status, headerLines, dechunk(body))
                : answer;
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int pos = 0;
        while (pos < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", pos);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(
                    chunked.substring(pos, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            pos = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
