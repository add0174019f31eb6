package lab.runner.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps Playwright's driver (its Node.js and JavaScript package, about 130 MB) extracted once in the user's
 * cache instead of in a new temporary directory at every start, which costs seconds. The directory is named
 * after the Playwright version and the platform, filled in a private temporary directory and moved into
 * place only when complete (marked by a file written last), so a crash or a second lab starting at the same
 * time can never leave a half-extracted driver in use.
 */
final class DriverCache {

    private static final String CLI_DIR_PROPERTY = "playwright.cli.dir";
    private static final String COMPLETE = ".complete";

    private DriverCache() {}

    /** Points Playwright at the cached driver, extracting it first if needed; does nothing where that is not possible. */
    static synchronized void use() {
        if (System.getProperty(CLI_DIR_PROPERTY) != null) {
            return;
        }
        try {
            prepare().ifPresent(dir -> System.setProperty(CLI_DIR_PROPERTY, dir.toString()));
        } catch (IOException | UncheckedIOException | URISyntaxException e) {
            // No cache (read-only home, unusual jar layout): Playwright extracts its driver itself, as always.
        }
    }

    private static Optional<Path> prepare() throws IOException, URISyntaxException {
        Optional<String> platform = platform();
        String version = playwrightVersion();
        // The JavaScript package and the Node.js binary ship in two different jars (driver, driver-bundle).
        URL node = platform.map(p -> DriverCache.class.getClassLoader().getResource("driver/" + p + "/node"))
                .orElse(null);
        URL cli = DriverCache.class.getClassLoader().getResource("driver/package/cli.js");
        if (node == null
                || cli == null
                || version == null
                || !"jar".equals(node.getProtocol())
                || !"jar".equals(cli.getProtocol())) {
            return Optional.empty();
        }
        Path target = cacheRoot().resolve("playwright-driver-" + version + "-" + platform.get());
        if (Files.exists(target.resolve(COMPLETE))) {
            return Optional.of(target);
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), ".extracting-");
        try {
            try (FileSystem driver = openJar(cli)) {
                copyTree(driver.getPath("/driver/package"), staging.resolve("package"));
            }
            try (FileSystem bundle = openJar(node)) {
                Path nodeCopy = staging.resolve("node");
                Files.copy(bundle.getPath("/driver/" + platform.get() + "/node"), nodeCopy);
                nodeCopy.toFile().setExecutable(true, false);
            }
            Files.writeString(staging.resolve(COMPLETE), version + "\n");
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // Another lab finished the same extraction first; its copy is as good as ours.
            }
        } finally {
            deleteTree(staging);
        }
        return Files.exists(target.resolve(COMPLETE)) ? Optional.of(target) : Optional.empty();
    }

    private static FileSystem openJar(URL resource) throws IOException, URISyntaxException {
        String uri = resource.toURI().toString();
        return FileSystems.newFileSystem(URI.create(uri.substring(0, uri.indexOf("!/"))), Map.of());
    }

    /** The bundle's directory name for this machine, as Playwright's own extraction names it. */
    private static Optional<String> platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean arm = System.getProperty("os.arch", "").matches("aarch64|arm64");
        if (os.contains("linux")) {
            return Optional.of(arm ? "linux-arm64" : "linux");
        }
        if (os.contains("mac")) {
            return Optional.of(arm ? "mac-arm64" : "mac");
        }
        return Optional.empty();
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("same-origin-lab");
    }

    private static String playwrightVersion() {
        return PlaywrightVersion.orNull();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover staging directory is harmless and is never used.
        }
    }
}
