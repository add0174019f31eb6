package lab.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.attacker.exploit.ExploitStore;
import lab.runner.LabCatalogue;
import lab.runner.LabSession;
import lab.runner.browser.BrowserOptions;
import lab.runner.cases.ChallengeVerdict;
import lab.runner.challenges.ChallengeLab;
import lab.runner.challenges.ChallengeProgress;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.challenges.Challenge;
import lab.scenarios.challenges.ChallengeCatalogue;
import lab.scenarios.challenges.ChallengeKind;
import lab.scenarios.challenges.ExploitHosts;
import lab.victim.defence.Defences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./lab challenges solve ID --exploit FILE} delivers FILE to Alice's browser under the challenge's
 * conditions; {@code --defences k=v,...} judges a defend challenge. Exit 0 solved, 1 not solved.
 */
@Command(
        name = "solve",
        mixinStandardHelpOptions = true,
        description = "Solves a challenge from the terminal: an attack challenge with --exploit FILE (an HTML page;"
                + " {{victim}} and {{attacker}} are filled in), a defend challenge with --defences k=v,... The lab"
                + " starts, Alice's browser does its part, and the verdict says what happened and what was missing.")
final class ChallengeSolveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The challenge, as ./lab challenges lists it.")
    private String id;

    @Option(names = "--exploit", paramLabel = "FILE", description = "The exploit page (attack challenges).")
    private Path exploit;

    @Option(
            names = "--host",
            paramLabel = "NAME",
            defaultValue = ExploitHosts.DEFAULT,
            // A line each for a few names: picocli wraps at a dot, which would split a name in two.
            description = "The name the exploit is served under:%n"
                    + "evil.localhost, evilsocial.localhost,%n"
                    + "wwwxsocial.localhost, pages.social.localhost,%n"
                    + "social.localhost.evil.localhost, rebind.localhost,%n"
                    + "social.localhost (the victim's name, attacker's port),%n"
                    + "or null (a sandboxed page, origin null).%n"
                    + "Default: ${DEFAULT-VALUE}")
    private String host;

    @Option(names = "--defences", paramLabel = "NAME=VALUE,...", description = "Flock's defences (defend challenges).")
    private String defences;

    @Mixin
    private JsonFileOption json;

    @Mixin
    private EngineOption engine;

    @Mixin
    private BrowserOption browser;

    @Mixin
    private ProgressOption data;

    @Override
    public Integer call() throws IOException {
        ScenarioCatalogue scenarios = LabCatalogue.load();
        ChallengeCatalogue catalogue = LabCatalogue.challenges(scenarios);
        Challenge challenge = ChallengesCommand.find(spec, catalogue, id);
        byte[] source = null;
        Map<String, String> chosen = null;
        if (challenge.kind() == ChallengeKind.ATTACK) {
            if (exploit == null || defences != null) {
                throw new ParameterException(
                        spec.commandLine(), "'" + id + "' is an attack challenge: give --exploit FILE, not --defences");
            }
            if (!ExploitHosts.known(host)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "unknown --host '" + host + "'; expected one of " + String.join(", ", ExploitHosts.NAMES));
            }
            source = ChallengesCommand.readExploit(spec, exploit);
            try {
                // Checked as the exploit server will check it (size, UTF-8, not empty), before the lab starts.
                new ExploitStore().store(challenge.id(), source);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--exploit " + exploit + ": " + e.getMessage());
            }
        } else {
            if (defences == null || exploit != null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "'" + id + "' is a defend challenge: give --defences NAME=VALUE,..., not --exploit");
            }
            chosen = parseDefences(defences);
        }
        String engineKey = engine.single();
        BrowserOptions options = BrowserOptions.HEADLESS;
        PrintWriter out = spec.commandLine().getOut();
        try (ChallengeProgress progress = data.open();
                LabSession session = LabSession.start(
                        scenarios, engineKey, browser.locate(engineKey, options), options, Defences.WIDE_OPEN);
                ChallengeLab lab =
                        new ChallengeLab(session.servers(), session.browser(), scenarios, catalogue, progress)) {
            ChallengeVerdict verdict;
            try {
                verdict = source != null ? lab.deliverSource(id, source, host) : lab.defend(id, chosen);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            out.println(verdict.verdict());
            verdict.evidence().forEach(line -> out.println("  " + line));
            if (!verdict.solved()) {
                // The verdict's line names the first thing missing already: list only what it does not say.
                List<String> unsaid = verdict.missing().stream()
                        .filter(line -> !verdict.verdict().contains(line))
                        .toList();
                if (!unsaid.isEmpty()) {
                    out.println(unsaid.size() < verdict.missing().size() ? "Also missing:" : "Missing:");
                    unsaid.forEach(line -> out.println("  - " + line));
                }
            }
            out.println("(" + Math.round(verdict.millis()) + " ms in "
                    + session.browser().info().name() + ")");
            if (json.file().isPresent()) {
                Map<String, Object> report = new LinkedHashMap<>(ChallengeLab.json(verdict));
                report.remove("screenshot");
                report.put("engine", engineKey);
                new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValue(json.file().get().toFile(), report);
            }
            return verdict.solved() ? ExitCodes.OK : ExitCodes.MISMATCH;
        }
    }

    private Map<String, String> parseDefences(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--defences expects NAME=VALUE pairs separated by commas, got '" + pair + "'");
            }
            map.put(parts[0].strip(), parts[1].strip());
        }
        try {
            Defences.WIDE_OPEN.with(map);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--defences: " + e.getMessage());
        }
        return map;
    }
}
