package lab.runner.report;

/**
 * Whether output goes to a person at a terminal (colour, a progress line) or to a log or pipe (plain text
 * only: no escape codes, no progress noise). {@code NO_COLOR} turns colour off everywhere.
 */
public record Terminal(boolean interactive, boolean colour) {

    public static final Terminal PLAIN = new Terminal(false, false);

    public static Terminal detect() {
        boolean interactive = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        String noColour = System.getenv("NO_COLOR");
        return new Terminal(interactive, interactive && (noColour == null || noColour.isEmpty()));
    }

    String green(String text) {
        return paint("32", text);
    }

    String red(String text) {
        return paint("31", text);
    }

    String bold(String text) {
        return paint("1", text);
    }

    String dim(String text) {
        return paint("2", text);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
