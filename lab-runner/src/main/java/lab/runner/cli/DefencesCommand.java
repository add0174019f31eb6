package lab.runner.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import lab.victim.defence.Choice;
import lab.victim.defence.Defence;
import lab.victim.defence.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./lab defences}: every defence, its values, what each does, and the presets. */
@Command(
        name = "defences",
        mixinStandardHelpOptions = true,
        description = "Lists every defence of the victim, its values with one sentence on each, and the presets.")
final class DefencesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Defence<?> defence : Defence.values()) {
            out.printf("%s: %s%n", defence.key(), defence.summary());
            for (Choice choice : defence.choices()) {
                out.printf("    %-13s %s%n", choice.value(), choice.meaning());
            }
            out.println();
        }
        out.println("Presets (./lab serve --preset NAME):");
        for (Preset preset : Preset.values()) {
            out.printf("    %-17s %s%n", preset.key(), preset.meaning());
            out.printf("    %-17s %s%n", "", preset.defences());
        }
        return ExitCodes.OK;
    }
}
