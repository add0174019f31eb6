package lab.victim.defence;

/** Whether other sites may show Flock's pages in a frame (the clickjacking and framed-widget defence). */
public enum FramingPolicy implements DefenceValue {
    ALLOW(
            "allow",
            "no framing headers: any site may show Flock's pages, the widget and the settings form included, in a frame"),
    SELF(
            "self",
            "Content-Security-Policy: frame-ancestors 'self' and X-Frame-Options: SAMEORIGIN: only Flock's own pages may"
                    + " frame Flock; the browser refuses to show it in another site's frame");

    private final String key;
    private final String meaning;

    FramingPolicy(String key, String meaning) {
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
