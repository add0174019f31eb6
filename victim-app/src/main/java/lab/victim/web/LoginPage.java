package lab.victim.web;

/** The login form, with the error of a failed attempt (null when there is none). */
public record LoginPage(String username, String error) {}
