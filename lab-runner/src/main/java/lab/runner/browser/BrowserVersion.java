package lab.runner.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A browser binary's version as it states it itself ({@code --version}), without launching it under Playwright. */
public final class BrowserVersion {

    private BrowserVersion() {}

    /**
     * {@code 153.8.0esr} from {@code Mozilla Firefox 153.8.0esr}, {@code 156.0.8078.114} from {@code Chromium
     * 156.0.8078.114 built on Debian}: the first word of the answer that starts with a digit; empty when the binary
     * does not answer within a few seconds or says no version.
     */
    public static Optional<String> ask(Path executable) {
        try {
            Process process = new ProcessBuilder(executable.toString(), "--version")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return parse(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<String> parse(String answer) {
        for (String word : answer.strip().split("\\s+")) {
            if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }
}
