package lab.runner.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.runner.browser.BrowserInfo;
import lab.runner.browser.PlaywrightVersion;

/** Asks a Firefox binary its version without Playwright: for a doctor's FAIL when Playwright cannot drive it. */
public final class FirefoxVersion {

    private FirefoxVersion() {}

    /** The diagnosis of a Firefox that is installed but did not start under Playwright: one FAIL naming both versions. */
    public static Diagnosis failedDiagnosis(Path executable, String why) {
        String version = of(executable);
        return new Diagnosis(
                new BrowserInfo("Firefox", version, executable.toString()),
                List.of(FirefoxChecks.failedToLaunch(
                        "Firefox " + version, why + " (Playwright " + PlaywrightVersion.get() + ")")));
    }

    /** {@code 153.8.0esr}, from {@code firefox --version}, or {@code unknown}. */
    static String of(Path executable) {
        try {
            Process process = new ProcessBuilder(executable.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "unknown";
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return out.replaceFirst("^Mozilla Firefox\\s*", "");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
