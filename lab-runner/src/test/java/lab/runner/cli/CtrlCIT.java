package lab.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C as a terminal sends it: SIGINT to the whole foreground process group, so to the runner and to
 * Playwright's driver alike (Chromium runs in a process group of its own). The run must stop with status 130,
 * say so once, report no failure the signal caused, and leave no process and no temporary browser directory
 * behind.
 */
class CtrlCIT {

    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void ctrl_c_during_a_run_stops_everything_cleanly() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isExecutable(Path.of("/usr/bin/env")),
                "needs setsid and env (util-linux, coreutils) to give the run a process group of its own");
        Set<Path> tempBefore = playwrightTempDirectories();
        List<String> command = new ArrayList<>(List.of(
                // A process group of its own, as a terminal gives each command line, with SIGINT handled by default
                // even when this test's own process ignores it (a build started in the background does).
                "/usr/bin/setsid",
                "/usr/bin/env",
                "--default-signal=INT",
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "lab.runner.Main",
                "run",
                "cookie-theft",
                "--workers",
                "1",
                // Slowed down, so that the signal finds a case in the middle of its browser steps.
                "--slow-mo",
                "100"));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CountDownLatch firstVerdict = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("ok ") || line.startsWith("FAIL ")) {
                        firstVerdict.countDown();
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
        });
        reader.start();
        try {
            assertThat(firstVerdict.await(120, TimeUnit.SECONDS))
                    .as("a first verdict, in " + output)
                    .isTrue();
            List<ProcessHandle> started = run.descendants().toList();
            assertThat(started).as("the driver and the browser").isNotEmpty();

            // setsid made the run the leader of its group: the group's id is its pid.
            new ProcessBuilder("kill", "-INT", "--", "-" + run.pid())
                    .inheritIO()
                    .start()
                    .waitFor();

            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run stopped").isTrue();
            reader.join(10_000);
            assertThat(run.exitValue()).as("exit status, output: " + output).isEqualTo(130);
            String text;
            synchronized (output) {
                text = String.join("\n", output);
            }
            assertThat(text.split("lab: interrupted; stopping the browser and the servers", -1))
                    .as("said once: " + text)
                    .hasSize(2);
            assertThat(text)
                    .as("no failure caused by the signal itself")
                    .doesNotContain("did not start")
                    .doesNotContain("Node.js")
                    .doesNotContain("\nFAIL ");

            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (started.stream().anyMatch(ProcessHandle::isAlive)
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(started.stream()
                            .filter(ProcessHandle::isAlive)
                            .map(p -> p.info().command().orElse("?")))
                    .as("processes still alive after Ctrl-C")
                    .isEmpty();
            assertThat(playwrightTempDirectories())
                    .as("temporary browser directories left in " + TMP)
                    .isSubsetOf(tempBefore);
        } finally {
            run.destroyForcibly();
        }
    }

    /** The directories Playwright's driver makes for each browser it launches and removes when it closes it. */
    private static Set<Path> playwrightTempDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(TMP)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("playwright_chromiumdev_profile-")
                            || p.getFileName().toString().startsWith("playwright-artifacts-"))
                    .collect(Collectors.toSet());
        }
    }
}
