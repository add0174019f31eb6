package lab.victim.defence;

/** To whom Flock's embeddable widget posts the viewer's profile (the {@code postMessage} target origin). */
public enum WidgetTarget implements DefenceValue {
    ANY(
            "any",
            "the widget posts the viewer's profile with target origin '*': whatever page frames it receives the profile"),
    CHECKED(
            "checked",
            "the widget is served only to a parent origin on the allowlist (?parent=, else 403) and posts to that exact"
                    + " origin, so the browser drops the message when the real parent is another");

    private final String key;
    private final String meaning;

    WidgetTarget(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
