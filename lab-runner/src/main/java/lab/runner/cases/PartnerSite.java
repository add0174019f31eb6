package lab.runner.cases;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Flock's partner, {@code http://partner.localhost:PORT}: a site on another origin that shows Flock's public feed,
 * read with CORS and without credentials, as a partner's widget would. A defence that breaks it breaks a
 * legitimate use. It serves one page, on loopback only.
 */
public final class PartnerSite implements AutoCloseable {

    public static final String HOST_NAME = "partner.localhost";

    private static final String PAGE = """
            <!doctype html>
            <meta charset="utf-8">
            <title>Partner: the latest from Flock</title>
            <h1>The latest from Flock</h1>
            <ul id="feed"></ul>
            <script>
              const victim = new URLSearchParams(location.search).get('flock');
              fetch(victim + '/api/public/posts')
                .then(r => r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)))
                .then(posts => {
                  for (const post of posts) {
                    const li = document.createElement('li');
                    li.textContent = post.body;
                    document.getElementById('feed').append(li);
                  }
                  document.body.dataset.labResult = posts.length > 0 ? 'read' : 'empty';
                })
                .catch(error => { document.body.dataset.labResult = 'failed: ' + error; });
            </script>
            """;

    private final HttpServer server;

    private PartnerSite(HttpServer server) {
        this.server = server;
    }

    public static PartnerSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new PartnerSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException("the partner site could not start", e);
        }
    }

    public String origin() {
        return "http://" + HOST_NAME + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
