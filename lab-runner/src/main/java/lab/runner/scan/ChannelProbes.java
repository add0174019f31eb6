package lab.runner.scan;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Probes the two channels around CORS that a CORS policy cannot guard: a JSONP answer (the endpoint wraps its
 * data in a call to the function named by {@code ?callback=}, which any page may include with a script element)
 * and a WebSocket that accepts a handshake from a foreign {@code Origin} (CORS never applies to sockets).
 */
final class ChannelProbes {

    /** The callback name the probes ask for: a plain identifier, as a strict endpoint requires. */
    static final String CALLBACK = "labScanProbe";

    private static final Pattern CALLS_BACK =
            Pattern.compile("^\\s*(/\\*\\*/)?\\s*" + CALLBACK + "\\s*\\(", Pattern.DOTALL);

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** How long the socket probe listens for frames after the handshake. */
    private static final long LISTEN_MILLIS = 1_000;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ScanTarget target;
    private final List<String> cookies;

    ChannelProbes(ScanTarget target, List<String> cookies) {
        this.target = target;
        this.cookies = cookies;
    }

    /** The target with {@code callback=NAME} added to its query. */
    static URI withCallback(URI uri, String name) {
        String query = uri.getRawQuery();
        String address = uri.toString();
        int fragment = address.indexOf('#');
        if (fragment >= 0) {
            address = address.substring(0, fragment);
        }
        return URI.create(address + (query == null ? "?" : "&") + "callback=" + name);
    }

    /** The target's WebSocket address: ws for http, wss for https. */
    static URI socketUri(URI uri) {
        return URI.create(uri.toString().replaceFirst("^http", "ws"));
    }

    /** Whether an answer body calls the probe's callback. */
    static boolean callsBack(String body) {
        return body != null && CALLS_BACK.matcher(body).find();
    }

    /**
     * The JSONP answer with the user's cookies and without, or empty when the target does not call back (the
     * anonymous answer is empty when only the cookie's answer calls back).
     */
    Optional<Jsonp> jsonp() throws IOException, InterruptedException {
        Optional<String> withCookie = callback(true);
        if (withCookie.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Jsonp(withCookie.get(), cookies.isEmpty() ? withCookie : callback(false)));
    }

    /** What the JSONP probes got. */
    record Jsonp(String withCookie, Optional<String> anonymous) {
        boolean differsWithoutCookie() {
            return anonymous.map(a -> !a.equals(withCookie)).orElse(true);
        }
    }

    private Optional<String> callback(boolean withCookie) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(withCallback(target.pinned(), CALLBACK)).timeout(TIMEOUT);
        hostHeader(request);
        if (withCookie && !cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && callsBack(response.body())
                ? Optional.of(response.body())
                : Optional.empty();
    }

    private void hostHeader(HttpRequest.Builder request) {
        if (!target.pinned().equals(target.uri())) {
            request.header("Host", target.hostHeader());
        }
    }

    /**
     * Opens the target as a WebSocket with {@code origin} in the handshake, with the user's cookies or without,
     * and returns the frames the server sent within a second; empty when the handshake was refused or the target
     * is no socket.
     */
    Optional<List<String>> socket(String origin, boolean withCookie) throws InterruptedException {
        List<String> frames = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        WebSocket.Builder builder =
                http.newWebSocketBuilder().connectTimeout(TIMEOUT).header("Origin", origin);
        if (withCookie && !cookies.isEmpty()) {
            builder.header("Cookie", String.join("; ", cookies));
        }
        WebSocket socket;
        try {
            socket = builder.buildAsync(socketUri(target.pinned()), new WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();

                        @Override
                        public java.util.concurrent.CompletionStage<?> onText(
                                WebSocket webSocket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                frames.add(partial.toString());
                                partial.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public java.util.concurrent.CompletionStage<?> onClose(
                                WebSocket webSocket, int statusCode, String reason) {
                            closed.complete(null);
                            return null;
                        }

                        @Override
                        public void onError(WebSocket webSocket, Throwable error) {
                            closed.complete(null);
                        }
                    })
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException refusedOrNoSocket) {
            return Optional.empty();
        }
        try {
            closed.get(LISTEN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException stillOpen) {
            // A second of frames is enough to tell what the socket hands out.
        }
        socket.abort();
        return Optional.of(List.copyOf(frames));
    }
}
