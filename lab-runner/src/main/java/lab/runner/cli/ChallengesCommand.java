package lab.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.runner.LabCatalogue;
import lab.runner.challenges.ChallengeProgress;
import lab.scenarios.challenges.Challenge;
import lab.scenarios.challenges.ChallengeCatalogue;
import lab.scenarios.challenges.ChallengeKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./lab challenges}: the hands-on challenges, their progress, hints, solutions and the terminal solver. */
@Command(
        name = "challenges",
        mixinStandardHelpOptions = true,
        description = "Lists the hands-on challenges (id, kind, title, status). Attack challenges: write an exploit"
                + " page, deliver it to Alice's browser, and the lab judges from what really happened. Defend"
                + " challenges: choose Flock's defences so that attacks fail and legitimate uses work.",
        subcommands = {
            ChallengesCommand.Hint.class,
            ChallengesCommand.Reset.class,
            ChallengesCommand.Solutions.class,
            ChallengeSolveCommand.class
        })
final class ChallengesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private JsonPrintOption json;

    @Mixin
    private ProgressOption data;

    @Override
    public Integer call() throws IOException {
        ChallengeCatalogue catalogue = LabCatalogue.challenges(LabCatalogue.load());
        PrintWriter out = spec.commandLine().getOut();
        try (ChallengeProgress progress = data.open()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Challenge c : catalogue.all()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", c.id());
                row.put("kind", c.kind().key());
                row.put("title", c.title());
                row.put("status", progress.solved(c.id()) ? "solved" : "open");
                row.put("hintsRevealed", progress.hintsRevealed(c.id()));
                row.put("hints", c.hints().size());
                rows.add(row);
            }
            long solved =
                    rows.stream().filter(r -> r.get("status").equals("solved")).count();
            if (json.asJson()) {
                out.println(new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(Map.of("solved", solved, "total", rows.size(), "challenges", rows)));
                return ExitCodes.OK;
            }
            out.printf("%-22s %-7s %-7s %s%n", "ID", "KIND", "STATUS", "TITLE");
            for (Map<String, Object> row : rows) {
                out.printf("%-22s %-7s %-7s %s%n", row.get("id"), row.get("kind"), row.get("status"), row.get("title"));
            }
            out.println();
            out.println(solved + " of " + rows.size() + " solved. Next: ./lab challenges hint ID, or ./lab serve"
                    + " and the console's Challenges panel; solve from here with ./lab challenges solve ID.");
            return ExitCodes.OK;
        }
    }

    static Challenge find(CommandSpec spec, ChallengeCatalogue catalogue, String id) {
        return catalogue
                .find(id)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "unknown challenge '" + id + "'; expected one of "
                                + String.join(
                                        ", ",
                                        catalogue.all().stream()
                                                .map(Challenge::id)
                                                .toList())));
    }

    /** {@code ./lab challenges hint ID}: reveals the next hint and shows every one revealed so far. */
    @Command(name = "hint", mixinStandardHelpOptions = true, description = "Reveals the challenge's next hint.")
    static final class Hint implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The challenge, as ./lab challenges lists it.")
        private String id;

        @Mixin
        private ProgressOption data;

        @Override
        public Integer call() throws IOException {
            Challenge challenge = find(spec, LabCatalogue.challenges(LabCatalogue.load()), id);
            PrintWriter out = spec.commandLine().getOut();
            try (ChallengeProgress progress = data.open()) {
                int before = progress.hintsRevealed(id);
                int shown = progress.revealHint(id, challenge.hints().size());
                out.println(challenge.title());
                out.println("Goal: " + challenge.goalText() + ".");
                for (int i = 0; i < shown; i++) {
                    out.println("Hint " + (i + 1) + " of " + challenge.hints().size() + ": "
                            + challenge.hints().get(i));
                }
                if (before == shown) {
                    out.println("That was the last hint; ./lab challenges solutions shows the trainer's solutions.");
                }
            }
            return ExitCodes.OK;
        }
    }

    /** {@code ./lab challenges reset}: forgets which challenges are solved and which hints were revealed. */
    @Command(
            name = "reset",
            mixinStandardHelpOptions = true,
            description = "Forgets the challenges' progress: solved status and revealed hints.")
    static final class Reset implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private ProgressOption data;

        @Override
        public Integer call() throws IOException {
            try (ChallengeProgress progress = data.open()) {
                progress.reset();
            }
            spec.commandLine().getOut().println("Challenges reset: nothing solved, no hints revealed.");
            return ExitCodes.OK;
        }
    }

    /** {@code ./lab challenges solutions}: the trainer's solutions, shown only when asked for by this name. */
    @Command(
            name = "solutions",
            mixinStandardHelpOptions = true,
            description = "Prints the trainer's solution of every challenge (or of those named): spoilers.")
    static final class Solutions implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "ID", arity = "0..*", description = "Only these challenges.")
        private List<String> ids = new ArrayList<>();

        @Override
        public Integer call() {
            ChallengeCatalogue catalogue = LabCatalogue.challenges(LabCatalogue.load());
            List<Challenge> chosen = ids.isEmpty()
                    ? catalogue.all()
                    : ids.stream().map(id -> find(spec, catalogue, id)).toList();
            PrintWriter out = spec.commandLine().getOut();
            for (Challenge c : chosen) {
                out.println("=== " + c.id() + ": " + c.title());
                if (c.kind() == ChallengeKind.ATTACK) {
                    out.println("Serve under: " + c.solutionHost() + "   (./lab challenges solve " + c.id()
                            + " --exploit FILE --host " + c.solutionHost() + ")");
                    out.println(catalogue.solutionSource(c.id()).orElseThrow().stripTrailing());
                } else {
                    String defences = String.join(
                            ",",
                            c.solutionDefences().entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList());
                    out.println("./lab challenges solve " + c.id() + " --defences " + defences);
                }
                out.println();
            }
            return ExitCodes.OK;
        }
    }

    static byte[] readExploit(CommandSpec spec, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--exploit " + file + ": no such file");
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(), "--exploit " + file + ": cannot be read: " + e.getMessage());
        }
    }
}
