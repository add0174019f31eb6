package lab.runner.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Where a report's screenshots and traces go: files beside the page ({@code DIR/screenshots/}, {@code DIR/traces/})
 * for a report folder, or inside the page itself as {@code data:} addresses for a single self-contained file.
 */
abstract sealed class ReportAttachments {

    /** The address the page links a case's screenshot (a JPEG) by. */
    abstract String screenshot(String name, byte[] jpeg) throws IOException;

    /** The address the page links a kept trace by. */
    abstract String trace(Path trace) throws IOException;

    static ReportAttachments beside(Path directory) {
        return new Beside(directory);
    }

    static ReportAttachments inline() {
        return new Inline();
    }

    private static final class Beside extends ReportAttachments {
        private static final String SCREENSHOTS = "screenshots";
        private final Path directory;

        Beside(Path directory) {
            this.directory = directory;
        }

        @Override
        String screenshot(String name, byte[] jpeg) throws IOException {
            Files.createDirectories(directory.resolve(SCREENSHOTS));
            String path = SCREENSHOTS + "/" + name + ".jpg";
            Files.write(directory.resolve(path), jpeg);
            return path;
        }

        @Override
        String trace(Path trace) {
            return directory.toAbsolutePath().relativize(trace.toAbsolutePath()).toString();
        }
    }

    private static final class Inline extends ReportAttachments {
        @Override
        String screenshot(String name, byte[] jpeg) {
            return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
        }

        @Override
        String trace(Path trace) throws IOException {
            return "data:application/zip;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(trace));
        }
    }
}
