package lab.scenarios;

import java.util.List;

/**
 * The browser engines a case may state an expectation for. Chromium is the lab's default engine and the one
 * {@link ScenarioCase#expected()} answers for; Firefox's outcomes are measured too, and stated per engine where
 * they differ.
 */
public final class Engines {

    public static final String CHROMIUM = "chromium";
    public static final String FIREFOX = "firefox";
    public static final List<String> ALL = List.of(CHROMIUM, FIREFOX);

    private Engines() {}

    /** The engine as a person reads it: {@code Chromium}, {@code Firefox}. */
    public static String displayName(String engine) {
        return Character.toUpperCase(engine.charAt(0)) + engine.substring(1);
    }
}
