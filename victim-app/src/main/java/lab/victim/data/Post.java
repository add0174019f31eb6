package lab.victim.data;

import java.time.Instant;

/** A public post of the feed. */
public record Post(String author, String body, Instant createdAt) {}
