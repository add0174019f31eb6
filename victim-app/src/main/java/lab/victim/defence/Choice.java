package lab.victim.defence;

/** One value a defence can take, with one sentence on what it does. */
public record Choice(String value, String meaning) {}
