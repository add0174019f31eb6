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

    /** {@code text} in the colour of {@code tone}: red when the attack worked, green when it was stopped. */
    public String tone(OutcomeTone tone, String text) {
        return switch (tone) {
            case ATTACK_WORKED -> paint("1;31", text);
            case BLOCKED -> paint("32", text);
            case UNJUDGED -> paint("33", text);
            case NEUTRAL -> text;
        };
    }

    /** An outcome's name in its tone's colour. */
    public String outcome(lab.scenarios.Outcome outcome) {
        return tone(OutcomeTone.of(outcome), String.valueOf(outcome));
    }

    public String bold(String text) {
        return paint("1", text);
    }

    public String dim(String text) {
        return paint("2", text);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
