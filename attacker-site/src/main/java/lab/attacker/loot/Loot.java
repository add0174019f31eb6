package lab.attacker.loot;

import java.time.Instant;

/**
 * One haul: what an attacker page read from the victim and sent home.
 *
 * @param victimUser the username found in the stolen data, or null when it named none
 * @param payload    the stolen data as the page sent it (JSON text)
 * @param caseNonce  the lab case the page ran for, as its address named it ({@code ?case=}), or null: loot
 *                   without its case's nonce is outside traffic, which decides no case
 */
public record Loot(long id, Instant receivedAt, String scenario, String victimUser, String payload, String caseNonce) {

    /** Whether this haul was sent by the page of the case that {@code nonce} names. */
    public boolean isFor(String nonce) {
        return nonce != null && nonce.equals(caseNonce);
    }
}
