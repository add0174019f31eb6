package lab.victim.web;

import static org.assertj.core.api.Assertions.assertThat;

import lab.victim.defence.Defences;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.Test;

/**
 * Flock's notifications socket over a real WebSocket: the cookie alone authenticates the handshake, the
 * handshake is journalled, {@code ws-origin-check} refuses other origins both ways, and hostile frames get a
 * clear answer, store nothing and never break the server.
 */
class MessageSocketTest extends VictimHttpTest {

    private JournalEntry lastHandshake() {
        return victim.journal().since(0).stream()
                .filter(e -> e.path().equals(MessageSocket.PATH))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private SocketClient openAsAlice(String origin) throws Exception {
        String cookie = client.logIn("alice");
        return (SocketClient) SocketClient.open(victim, "Cookie", cookie, "Origin", origin);
    }

    @Test
    void with_ws_origin_check_off_any_origin_with_alices_cookie_receives_her_private_messages() throws Exception {
        victim.defences().set(Defences.WIDE_OPEN.with("ws-origin-check=off"));
        SocketClient socket = openAsAlice(EVIL);
        SocketClient.Seen seen = socket.awaitFrame("end-of-history");

        assertThat(seen.frames().get(0)).contains("\"type\":\"hello\"", "alice@wonderland.example");
        assertThat(seen.frames()).anyMatch(f -> f.contains("\"type\":\"message\""));
        JournalEntry handshake = lastHandshake();
        assertThat(handshake.method()).isEqualTo("GET");
        assertThat(handshake.status()).isEqualTo(101);
        assertThat(handshake.origin()).isEqualTo(EVIL);
        assertThat(handshake.sessionCookie()).isTrue();
        assertThat(handshake.user()).isEqualTo("alice");
        assertThat(handshake.refusedBy()).isNull();
        socket.close();
    }

    @Test
    void ws_origin_check_on_refuses_another_origins_handshake_with_403_and_journals_the_refusal() throws Exception {
        victim.defences().set(Defences.WIDE_OPEN.with("ws-origin-check=on"));
        SocketClient.Seen refused =
                (SocketClient.Seen) SocketClient.open(victim, "Cookie", client.logIn("alice"), "Origin", EVIL);

        assertThat(refused.refusedStatus()).isEqualTo(403);
        assertThat(refused.frames()).singleElement().asString().contains("\"defence\":\"ws-origin-check\"");
        assertThat(refused.frames()).noneMatch(f -> f.contains("alice@"));
        JournalEntry handshake = lastHandshake();
        assertThat(handshake.status()).isEqualTo(403);
        assertThat(handshake.refusedBy()).isEqualTo("ws-origin-check");
        assertThat(handshake.sessionCookie()).isTrue();
    }

    @Test
    void ws_origin_check_on_still_opens_the_socket_for_flocks_own_pages() throws Exception {
        victim.defences().set(Defences.WIDE_OPEN.with("ws-origin-check=on"));
        SocketClient socket = openAsAlice(victim.origin());
        assertThat(socket.awaitFrame("end-of-history").frames()).anyMatch(f -> f.contains("alice@wonderland"));
        assertThat(lastHandshake().status()).isEqualTo(101);
        socket.close();
    }

    @Test
    void a_handshake_without_a_session_cookie_is_told_to_log_in_and_closed() throws Exception {
        SocketClient socket = (SocketClient) SocketClient.open(victim, "Origin", EVIL);
        SocketClient.Seen seen = socket.awaitClose();
        assertThat(seen.frames()).singleElement().asString().contains("login-required");
        assertThat(seen.closeCode()).isEqualTo(1008);
        assertThat(lastHandshake().sessionCookie()).isFalse();
        assertThat(lastHandshake().status()).isEqualTo(101);
    }

    @Test
    void host_check_guards_the_handshake_too() throws Exception {
        victim.defences().set(Defences.WIDE_OPEN.with("host-check=on"));
        // The JDK client names the loopback address in Host, which is not the site's own name.
        SocketClient.Seen refused = (SocketClient.Seen) SocketClient.open(victim, "Origin", EVIL);
        assertThat(refused.refusedStatus()).isEqualTo(421);
        assertThat(lastHandshake().refusedBy()).isEqualTo("host-check");
    }

    @Test
    void unknown_commands_get_an_error_frame_and_the_socket_stays_usable() throws Exception {
        SocketClient socket = openAsAlice(victim.origin());
        socket.awaitFrame("end-of-history");
        int messages = victim.database().messagesFor("alice").size();

        for (String hostile : new String[] {
            "",
            "{\"type\":\"send\",\"to\":\"bob\"}",
            "'; DROP TABLE messages; --",
            "\u0000\uFFFF<script>",
            "history\u0000"
        }) {
            socket.send(hostile);
        }
        socket.send("ping");
        SocketClient.Seen seen = socket.awaitFrame("pong");

        assertThat(seen.frames()).filteredOn(f -> f.contains("unknown command")).hasSize(5);
        assertThat(seen.frames()).anyMatch(f -> f.contains("pong"));
        assertThat(seen.frames()).noneMatch(f -> f.contains("<script>") || f.contains("DROP"));
        assertThat(victim.database().messagesFor("alice")).hasSize(messages);
        socket.close();
    }

    @Test
    void an_oversized_frame_closes_the_socket_with_1009_and_the_server_keeps_serving() throws Exception {
        SocketClient socket = openAsAlice(victim.origin());
        socket.awaitFrame("end-of-history");
        socket.send("x".repeat(MessageSocket.MAX_FRAME_CHARS * 4));
        assertThat(socket.awaitClose().closeCode()).isEqualTo(1009);

        SocketClient again = openAsAlice(victim.origin());
        assertThat(again.awaitFrame("end-of-history").frames()).anyMatch(f -> f.contains("hello"));
        again.close();
    }

    @Test
    void a_binary_frame_closes_the_socket_with_1003() throws Exception {
        SocketClient socket = openAsAlice(victim.origin());
        socket.awaitFrame("end-of-history");
        socket.sendBinary(new byte[] {1, 2, 3});
        assertThat(socket.awaitClose().closeCode()).isEqualTo(1003);
    }

    @Test
    void an_accepted_handshake_sets_no_cookie_of_its_own() throws Exception {
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", victim.port())) {
            raw.setSoTimeout(5_000);
            raw.getOutputStream()
                    .write(("GET " + MessageSocket.PATH + " HTTP/1.1\r\nHost: " + client.siteHost()
                                    + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: " + EVIL + "\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            var in = raw.getInputStream();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("Set-Cookie");
        }
    }

    @Test
    void a_plain_get_of_the_socket_path_is_a_clean_4xx() throws Exception {
        assertThat(client.get(MessageSocket.PATH).statusCode()).isBetween(400, 499);
    }
}
