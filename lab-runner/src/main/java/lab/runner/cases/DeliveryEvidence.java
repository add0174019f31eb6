package lab.runner.cases;

import java.util.List;
import lab.attacker.loot.Loot;
import lab.victim.journal.JournalEntry;

/**
 * What one delivery of an exploit left behind, from Alice's browser only: the requests the victim received from
 * it during the delivery (tagged), the loot her browser posted (stamped with the delivery's nonce), her e-mail
 * address before and after, and what Alice did on the page.
 *
 * @param exploitOrigin the origin the exploit was served at ({@code null} for the sandboxed choice)
 * @param aliceTyped    whether Alice typed her password into the page (she trusted it)
 * @param pageEnded     how the page's turn ended: it reported done, it left for another site, or time ran out
 * @param outside       requests and loot of the delivery's time that were not her browser's: shown, never deciding
 */
public record DeliveryEvidence(
        String exploitOrigin,
        List<JournalEntry> requests,
        List<Loot> loot,
        String emailBefore,
        String emailAfter,
        boolean aliceTyped,
        String pageEnded,
        byte[] screenshot,
        String failure,
        Evidence.Outside outside) {

    public DeliveryEvidence {
        requests = List.copyOf(requests);
        loot = List.copyOf(loot);
    }
}
