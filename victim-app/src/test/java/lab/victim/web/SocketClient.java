package lab.victim.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import lab.victim.VictimServer;

/**
 * A WebSocket client for {@link MessageSocket}, with the headers a browser's handshake would carry: it collects
 * every text frame and the close code, and reports a refused handshake by its HTTP status.
 */
final class SocketClient implements WebSocket.Listener {

    /** What one connection saw: its frames, and the close code (or -1 while open, or the refused status). */
    record Seen(List<String> frames, int closeCode, int refusedStatus) {}

    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Opens {@code /ws/messages} with {@code headers} (name, value, ...); returns the client, or its refusal. */
    static Object open(VictimServer victim, String... headers) throws Exception {
        SocketClient client = new SocketClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            client.socket = builder.buildAsync(
                            URI.create("ws://127.0.0.1:" + victim.port() + MessageSocket.PATH), client)
                    .get(5, TimeUnit.SECONDS);
            return client;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return new Seen(
                        List.of(refused.getResponse().body().toString()),
                        -1,
                        refused.getResponse().statusCode());
            }
            throw e;
        }
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Waits until a frame containing {@code fragment} arrives or the socket closes. */
    Seen awaitFrame(String fragment) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end && !closed.isDone() && frames.stream().noneMatch(f -> f.contains(fragment))) {
            Thread.sleep(10);
        }
        return seen();
    }

    /** Waits until the server closes the socket. */
    Seen awaitClose() throws Exception {
        closed.get(5, TimeUnit.SECONDS);
        return seen();
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private Seen seen() {
        return new Seen(List.copyOf(frames), closed.isDone() ? closed.join() : -1, 0);
    }

    @Override
    public CompletableFuture<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletableFuture<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(1006);
    }
}
