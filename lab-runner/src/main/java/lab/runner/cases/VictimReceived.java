package lab.runner.cases;

import java.util.Map;

/**
 * What the victim's journal recorded for the attacker's request.
 *
 * @param sessionCookie whether a live session cookie came with it
 * @param origin        the {@code Origin} header the browser sent
 * @param corsHeaders   the {@code Access-Control-*} headers the victim answered with
 */
public record VictimReceived(String method, String path, boolean sessionCookie, String origin, int status,
                             Map<String, String> corsHeaders) {
}
