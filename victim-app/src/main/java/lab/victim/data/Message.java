package lab.victim.data;

import java.time.Instant;

/** A private message, visible only to its recipient. */
public record Message(String from, String body, Instant sentAt) {}
