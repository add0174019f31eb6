package lab.runner.dist;

/** The launch scripts and the short read-me that go into the artefact beside the jar. */
final class LaunchScripts {

    private LaunchScripts() {}

    static final String UNIX = """
            #!/bin/sh
            # The Same-Origin Lab: ./lab serve, ./lab run, ./lab list ... with the Java 17 (or newer) on PATH.
            here="$(cd "$(dirname "$0")" && pwd)"
            command -v java >/dev/null 2>&1 || { echo "lab: Java 17 or newer is needed (https://adoptium.net)" >&2; exit 3; }
            exec java -jar "$here/same-origin-lab.jar" "$@"
            """;

    static final String WINDOWS = """
            @echo off
            rem The Same-Origin Lab: lab serve, lab run, lab list ... with the Java 17 (or newer) on PATH.
            where java >nul 2>nul || (echo lab: Java 17 or newer is needed, https://adoptium.net 1>&2 & exit /b 3)
            java -jar "%~dp0same-origin-lab.jar" %*
            """;

    static String readme(String version) {
        return """
                The Same-Origin Lab %s

                Needs Java 17 or newer (java -version). Nothing else is installed and nothing is built.

                  Linux, macOS:  ./lab serve        (or: java -jar same-origin-lab.jar serve)
                  Windows:       lab serve          (or: java -jar same-origin-lab.jar serve)

                serve prints the addresses to open in your own browser (Chrome, Chromium, Edge or Firefox).
                Other commands: lab list, lab explain SCENARIO, lab run SCENARIO, lab --help.
                lab run drives a Chromium: /usr/bin/chromium-headless-shell or /usr/bin/chromium on Linux (the
                first installed), else one Playwright downloads on first use.
                Stop with Ctrl-C. Everything listens on 127.0.0.1 only.
                """.formatted(version);
    }
}
