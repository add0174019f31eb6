package lab.scenarios;

/**
 * The victim's defence names and values, as the catalogue checks them while loading. The victim application
 * owns the registry; this module must not depend on it, so whoever loads the catalogue passes an adapter over
 * it (the lab runner does). {@link #ANY} checks nothing, for tools that only serve pages.
 */
public interface DefenceVocabulary {

    /** Accepts every name and value: for callers that never set defences (the attacker site's own tests). */
    DefenceVocabulary ANY = new DefenceVocabulary() {
        @Override
        public void validate(String defence, String value) {}

        @Override
        public boolean knows(String defence) {
            return true;
        }
    };

    /**
     * Checks that {@code defence} exists and accepts {@code value}.
     *
     * @throws IllegalArgumentException naming what is wrong and the valid names or values
     */
    void validate(String defence, String value);

    /** Whether a defence of that name exists (for {@code matrix} and {@code evidence.refusedBy}). */
    boolean knows(String defence);
}
