package lab.victim.web;

/** The page shown at {@code localhost:PORT} or {@code 127.0.0.1:PORT}, pointing to the site's own name. */
public record WrongHostPage(String hostName, String siteOrigin) {}
