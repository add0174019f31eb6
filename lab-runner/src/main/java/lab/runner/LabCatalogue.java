package lab.runner;

import lab.scenarios.DefenceVocabulary;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.challenges.ChallengeCatalogue;
import lab.victim.defence.Defence;
import lab.victim.defence.Defences;

/**
 * The one way the runner loads the scenario catalogue: with every defence name and value of every
 * {@code scenario.json} checked against the victim's own defence registry, so a typo fails {@code ./lab list}
 * and the build, naming file, case and field, instead of surfacing mid-run.
 */
public final class LabCatalogue {

    /** A catalogue whose data is broken: the lab cannot start (exit status 3), whatever the user typed. */
    public static final class BrokenCatalogueException extends IllegalStateException {
        BrokenCatalogueException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The victim's registry as the catalogue asks about it. */
    static final DefenceVocabulary VICTIM_DEFENCES = new DefenceVocabulary() {
        @Override
        public void validate(String defence, String value) {
            Defences.WIDE_OPEN.with(defence, value);
        }

        @Override
        public boolean knows(String defence) {
            try {
                Defence.byKey(defence);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    };

    private LabCatalogue() {}

    /** A catalogue of other scenario folders ({@code root} on {@code loader}), checked against the victim's registry. */
    public static ScenarioCatalogue load(ClassLoader loader, String root) {
        return ScenarioCatalogue.load(VICTIM_DEFENCES, loader, root);
    }

    public static ScenarioCatalogue load() {
        try {
            return ScenarioCatalogue.load(VICTIM_DEFENCES);
        } catch (IllegalStateException e) {
            throw new BrokenCatalogueException("the scenario catalogue is broken: " + e.getMessage(), e);
        }
    }

    /** The hands-on challenges, their defences checked against the victim's registry, their attacks against {@code scenarios}. */
    public static ChallengeCatalogue challenges(ScenarioCatalogue scenarios) {
        try {
            return ChallengeCatalogue.load(VICTIM_DEFENCES, scenarios);
        } catch (IllegalStateException e) {
            throw new BrokenCatalogueException("the challenges are broken: " + e.getMessage(), e);
        }
    }
}
