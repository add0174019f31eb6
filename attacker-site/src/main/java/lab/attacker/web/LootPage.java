package lab.attacker.web;

import java.util.List;
import lab.attacker.loot.Loot;

/** The attacker's {@code /loot} page: everything the attack pages stole, newest first. */
public record LootPage(List<Loot> loot) {}
