package lab.attacker.web;

import java.util.List;
import lab.attacker.loot.Loot;

/**
 * The attacker's {@code /loot} page: the newest of what the attack pages stole, newest first.
 *
 * @param kept    how many hauls the store keeps (the page shows the newest of them)
 * @param dropped how many older hauls the store deleted to stay within its bounds
 */
public record LootPage(List<Loot> loot, int kept, long dropped) {}
