package lab.victim.data;

/** A user's private profile: what the attacker is after. */
public record Profile(String username, String displayName, String email, String phone) {}
