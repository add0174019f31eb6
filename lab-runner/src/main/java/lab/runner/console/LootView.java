package lab.runner.console;

import lab.attacker.loot.Loot;

/** A haul of the attacker's loot as the console's JSON shows it. */
record LootView(long id, String receivedAt, String scenario, String victimUser, String payload) {

    static LootView of(Loot loot) {
        return new LootView(
                loot.id(), loot.receivedAt().toString(), loot.scenario(), loot.victimUser(), loot.payload());
    }
}
