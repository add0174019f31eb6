package lab.scenarios;

import java.util.List;

/**
 * The browser engines a case may state an expectation for. Chromium is the engine the lab runs today and the
 * one {@link ScenarioCase#expected()} answers for; Firefox is named so that the catalogue can already hold
 * its measured outcomes where they differ.
 */
public final class Engines {

    public static final String CHROMIUM = "chromium";
    public static final String FIREFOX = "firefox";
    public static final List<String> ALL = List.of(CHROMIUM, FIREFOX);

    private Engines() {}
}
