package lab.victim.defence;

/** Whether and how state-changing requests must prove that Flock's own page sent them. */
public enum CsrfTokenMode implements DefenceValue {
    OFF("off", "a state-changing request that carries the session cookie is obeyed, whoever sent it"),
    ON(
            "on",
            "synchronizer token: state-changing requests of a logged-in user must carry the token stored with the"
                    + " session on the server (form field _csrf or header X-CSRF-Token), else 403"),
    DOUBLE_SUBMIT(
            "double-submit",
            "naive double-submit cookie: the token sent (_csrf or X-CSRF-Token) must equal the csrf cookie set at"
                    + " login; the server stores nothing, so a cookie tossed from a sibling subdomain passes");

    private final String key;
    private final String meaning;

    CsrfTokenMode(String key, String meaning) {
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
