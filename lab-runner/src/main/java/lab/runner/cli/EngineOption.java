package lab.runner.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import lab.runner.browser.BrowserEngines;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --engine chromium|firefox|all}: the browser engine a command drives, or every engine installed here. */
final class EngineOption {

    /** Every engine installed here, one after the other. */
    static final String ALL = "all";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--engine",
            paramLabel = "ENGINE",
            defaultValue = BrowserEngines.DEFAULT,
            description = "The browser engine: chromium, firefox, or all (every engine installed here, one after the"
                    + " other, and where they disagree). Default: ${DEFAULT-VALUE}. Firefox is a system Firefox"
                    + " (Debian: apt-get install firefox-esr).")
    private String engine;

    /** Whether every engine was asked for. */
    boolean all() {
        return ALL.equals(engine);
    }

    /**
     * The engines to drive, in registry order. For {@code all}, an engine whose browser is not installed is left
     * out and {@code notes} says so; an engine named on its own is always kept, and fails clearly at launch when
     * its browser is missing (exit 3).
     *
     * @throws ParameterException for an engine the lab does not know (exit 2), naming those it does
     */
    List<String> engines(PrintWriter notes) {
        if (!all()) {
            return List.of(single());
        }
        List<String> found = new ArrayList<>();
        for (String key : BrowserEngines.keys()) {
            if (key.equals(BrowserEngines.DEFAULT) || BrowserEngines.installed(key)) {
                found.add(key);
            } else {
                notes.println("lab: " + name(key) + " was not found, so --engine all runs without it. "
                        + BrowserEngines.installHint(key));
                notes.flush();
            }
        }
        return found;
    }

    /**
     * The one engine asked for.
     *
     * @throws ParameterException for {@code all} or an engine the lab does not know
     */
    String single() {
        if (all()) {
            throw new ParameterException(
                    spec.commandLine(), "--engine all is not possible here: name one of " + known());
        }
        if (!BrowserEngines.keys().contains(engine)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "unknown engine '" + engine + "' for --engine; expected one of " + known() + ", or " + ALL);
        }
        return engine;
    }

    /** The engine key as a person reads it: {@code Firefox}. */
    static String name(String key) {
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    private static String known() {
        return String.join(", ", BrowserEngines.keys());
    }
}
