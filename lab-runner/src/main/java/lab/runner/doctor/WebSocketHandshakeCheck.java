package lab.runner.doctor;

import java.util.List;
import java.util.Map;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;

/**
 * The websocket-hijacking lesson's facts about the handshake, measured: a page on another site may open Flock's
 * socket (the handshake reaches the victim with that page's {@code Origin}, and the page reads the frames: no
 * CORS check), and whether the handshake carries Fetch Metadata. Chromium sends none on a WebSocket handshake, so
 * {@code fetch-metadata=on} cannot refuse it; Firefox sends {@code Sec-Fetch-Mode: websocket} (browser facts 22).
 */
final class WebSocketHandshakeCheck implements Check {

    private static final String PATH = "/ws/messages";

    /** Opens the socket and reports the first frame, or how it closed. */
    private static final String OPEN = """
            url => new Promise(resolve => {
              const socket = new WebSocket(url);
              socket.onmessage = e => { resolve({frame: e.data}); socket.close(); };
              socket.onclose = e => resolve({closed: e.code});
            })""";

    private final String expectedMode;

    /** @param expectedMode the Sec-Fetch-Mode the engine sends on a handshake, or null for none */
    private WebSocketHandshakeCheck(String expectedMode) {
        this.expectedMode = expectedMode;
    }

    static WebSocketHandshakeCheck chromium() {
        return new WebSocketHandshakeCheck(null);
    }

    static WebSocketHandshakeCheck firefox() {
        return new WebSocketHandshakeCheck("websocket");
    }

    @Override
    public String name() {
        return "websocket-handshake";
    }

    @Override
    public String expected() {
        return "a page on evil.localhost opens ws://social.localhost/ws/messages and reads its first frame; the"
                + " handshake carries Origin: http://evil.localhost:PORT and "
                + (expectedMode == null ? "no Sec-Fetch-* header" : "Sec-Fetch-Mode: " + expectedMode);
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN.with("ws-origin-check", "off"));
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            String attacker = probe.attackerOriginAs("evil.localhost");
            page.open(attacker + "/loot");
            long mark = probe.journalMark();
            Map<?, ?> seen =
                    (Map<?, ?>) page.evaluate(OPEN, probe.victimOrigin().replaceFirst("^http", "ws") + PATH);
            List<JournalEntry> handshakes = probe.arrivedSince(mark, PATH);
            if (handshakes.isEmpty()) {
                return result(false, "the victim received no handshake; the page saw " + seen);
            }
            JournalEntry handshake = handshakes.get(0);
            boolean read = seen.containsKey("frame");
            boolean origin = attacker.equals(handshake.origin());
            boolean mode = expectedMode == null
                    ? handshake.secFetchMode() == null && handshake.secFetchSite() == null
                    : expectedMode.equals(handshake.secFetchMode());
            return result(
                    read && origin && mode,
                    "GET " + PATH + " answered " + handshake.status() + ", Origin: " + handshake.origin()
                            + ", "
                            + (handshake.secFetchSite() == null && handshake.secFetchMode() == null
                                    ? "no Sec-Fetch-* header"
                                    : "Sec-Fetch-Site: " + handshake.secFetchSite() + ", Sec-Fetch-Mode: "
                                            + handshake.secFetchMode())
                            + "; the page " + (read ? "read a frame" : "read nothing (" + seen + ")"));
        }
    }
}
