package lab.attacker.loot;

import java.time.Instant;

/**
 * One haul: what an attacker page read from the victim and sent home.
 *
 * @param victimUser the username found in the stolen data, or null when it named none
 * @param payload    the stolen data as the page sent it (JSON text)
 */
public record Loot(long id, Instant receivedAt, String scenario, String victimUser, String payload) {}
