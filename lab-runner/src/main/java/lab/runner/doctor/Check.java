package lab.runner.doctor;

/** One assumption of the lessons about the browser, measured by driving the browser against the lab's servers. */
interface Check {

    String name();

    /** What the lessons assume, as the report shows it. */
    String expected();

    /**
     * Measures the fact. A browser step that throws is turned into a FAIL by {@link Doctor}, so a check only
     * has to describe what it saw.
     */
    CheckResult measure(Probe probe);

    default CheckResult result(boolean passed, String observed) {
        return CheckResult.of(name(), passed, expected(), observed);
    }
}
