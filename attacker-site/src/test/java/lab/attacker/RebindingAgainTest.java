package lab.attacker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import lab.attacker.rebind.RebindingProxy;
import lab.scenarios.ScenarioCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rebinding URL that {@code serve} prints works every time: once rebound, someone opening or reloading the
 * page under the name gets the attacker's page again, while the page's own requests still reach the victim.
 */
class RebindingAgainTest {

    private static final String NAVIGATION =
            "GET /scenarios/dns-rebinding/attack.html HTTP/1.1\r\nHost: rebind.localhost\r\n"
                    + "Sec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\n\r\n";
    private static final String FETCH =
            "GET /kit/lab-kit.js HTTP/1.1\r\nHost: rebind.localhost\r\nSec-Fetch-Mode: cors\r\nSec-Fetch-Dest: empty\r\n\r\n";

    private AttackerServer attacker;
    private AttackerServer standInVictim;

    @BeforeEach
    void start() {
        // A second attacker server stands in for the victim: it answers every path with the same page, told apart
        // from the attacker by port; only where the forwarder sends each request matters here.
        standInVictim =
                new AttackerServer(ScenarioCatalogue.load(), () -> "http://social.localhost:1").start("127.0.0.1", 0);
        attacker = new AttackerServer(ScenarioCatalogue.load(), () -> "http://social.localhost:" + standInVictim.port())
                .start("127.0.0.1", 0, 0);
    }

    @AfterEach
    void stop() {
        attacker.close();
        standInVictim.close();
    }

    private static String statusLine(Socket socket, String request) throws IOException {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    @Test
    void a_navigation_under_the_rebound_name_points_it_back_at_the_attacker_and_a_fetch_does_not() throws Exception {
        RebindingProxy dns = attacker.rebinding();
        dns.pointAtVictim();
        try (Socket fetch = new Socket("127.0.0.1", dns.port())) {
            // The attacker's server knows this file; the stand-in victim's attacker app also serves it, so only
            // the switch's state tells them apart.
            assertThat(statusLine(fetch, FETCH)).startsWith("HTTP/1.1 ");
        }
        assertThat(dns.pointsAtVictim())
                .as("a fetch keeps the name on the victim")
                .isTrue();

        try (Socket reload = new Socket("127.0.0.1", dns.port())) {
            assertThat(statusLine(reload, NAVIGATION)).isEqualTo("HTTP/1.1 200 OK");
        }
        assertThat(dns.pointsAtVictim())
                .as("a navigation points the name back at the attacker")
                .isFalse();
    }

    @Test
    void a_reload_on_a_kept_alive_connection_to_the_victim_closes_it_and_points_the_name_back() throws Exception {
        RebindingProxy dns = attacker.rebinding();
        dns.pointAtVictim();
        try (Socket keptAlive = new Socket("127.0.0.1", dns.port())) {
            statusLine(keptAlive, FETCH);
            keptAlive.getOutputStream().write(NAVIGATION.getBytes(StandardCharsets.ISO_8859_1));
            keptAlive.getOutputStream().flush();
            // The forwarder closes the connection without sending the request on: the browser sends it again.
            InputStream in = keptAlive.getInputStream();
            int c;
            StringBuilder rest = new StringBuilder();
            while ((c = in.read()) >= 0) {
                rest.append((char) c);
            }
            assertThat(rest.toString()).doesNotContain("HTTP/1.1 ");
        }
        assertThat(dns.pointsAtVictim()).isFalse();
    }
}
