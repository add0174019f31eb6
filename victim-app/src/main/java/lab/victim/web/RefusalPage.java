package lab.victim.web;

/**
 * The page a browser navigation gets when a defence refuses it.
 *
 * @param request the refused request, {@code METHOD /path}
 * @param setting the defence's current value
 * @param reason  what the defence checked, in its own words
 */
public record RefusalPage(String defence, String setting, String summary, int status, String request, String reason) {}
