package lab.runner.cases;

import java.util.List;

/**
 * Everything a case's outcome is decided from: what the browser showed and logged, what the victim server
 * received, and what the attacker's backend stored.
 *
 * @param console        the page's console messages, as {@code type: text}
 * @param pageResult     what the attacker's script reported: {@code read}, {@code anonymous}, {@code failed}, or
 *                       null when it reported nothing
 * @param pageSaw        the text the attacker's page showed about what it got
 * @param victimReceived the victim's journal entry for the attacker's request, or null when none reached it
 * @param lootUsers      the victim users named in what the attacker's backend stored during the case
 * @param failure        why the case could not be carried out (browser crash, time-out), or null
 */
public record Evidence(List<String> console, String pageResult, String pageSaw, VictimReceived victimReceived,
                       List<String> lootUsers, String failure) {

    public Evidence {
        console = List.copyOf(console);
        lootUsers = List.copyOf(lootUsers);
    }

    /** The first console message that contains {@code fragment}, if any. */
    public java.util.Optional<String> consoleMessage(String fragment) {
        return console.stream().filter(m -> m.contains(fragment)).findFirst();
    }
}
