package lab.runner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times {@code ./lab run} as a user sees it: a new process, from its start to its first verdict line or to its
 * exit, with the per-case figures read from the JSON it writes.
 */
final class CatalogueTiming {

    private CatalogueTiming() {}

    static Benchmarks.CatalogueRunFigures run(int workers, Optional<Path> browser)
            throws IOException, InterruptedException {
        return run(workers, browser, "chromium");
    }

    /** As {@link #run(int, Optional)}, in {@code engine} ({@code ./lab run --engine ENGINE}). */
    static Benchmarks.CatalogueRunFigures run(int workers, Optional<Path> browser, String engine)
            throws IOException, InterruptedException {
        return run(workers, browser, engine, List.of());
    }

    /** As {@link #run(int, Optional)}, with {@code --report DIR} into a directory deleted afterwards. */
    static Benchmarks.CatalogueRunFigures withReport(int workers, Optional<Path> browser)
            throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("lab-bench-report-");
        try {
            return run(
                    workers,
                    browser,
                    "chromium",
                    List.of("--report", directory.resolve("report").toString()));
        } finally {
            try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Benchmarks.CatalogueRunFigures run(
            int workers, Optional<Path> browser, String engine, List<String> extra)
            throws IOException, InterruptedException {
        Path json = Files.createTempFile("lab-bench-", ".json");
        try {
            List<String> arguments = new ArrayList<>(List.of(
                    "run", "--engine", engine, "--workers", String.valueOf(workers), "--json", json.toString()));
            arguments.addAll(extra);
            browser.ifPresent(b -> arguments.addAll(List.of("--browser", b.toString())));
            ProcessBuilder builder = LabProcess.builder(arguments)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long started = System.nanoTime();
            Process child = builder.start();
            try {
                int status = child.waitFor();
                double wall = (System.nanoTime() - started) / 1e9;
                // 0: every case as its lesson says; 1: some case was not. Anything else: no results to read.
                if (status > 1) {
                    throw new IOException("./lab run --workers " + workers + " exited with status " + status);
                }
                return read(json, wall);
            } finally {
                LabProcess.stop(child);
            }
        } finally {
            Files.deleteIfExists(json);
        }
    }

    private static Benchmarks.CatalogueRunFigures read(Path json, double wall) throws IOException {
        JsonNode cases = new ObjectMapper().readTree(json.toFile()).path("cases");
        double[] millis = new double[cases.size()];
        Map<String, String> outcomes = new LinkedHashMap<>();
        long matching = 0;
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            millis[i] = c.path("millis").asDouble();
            outcomes.put(c.path("name").asText(), c.path("actual").asText());
            if (c.path("match").asBoolean()) {
                matching++;
            }
        }
        return new Benchmarks.CatalogueRunFigures(wall, millis, outcomes, matching);
    }

    /** Starts {@code ./lab run SCENARIO} and times its first verdict line; then stops it. */
    static double firstVerdictSeconds(String scenario, Optional<Path> browser)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("run", scenario));
        browser.ifPresent(b -> arguments.addAll(List.of("--browser", b.toString())));
        ProcessBuilder builder = LabProcess.builder(arguments).redirectErrorStream(true);
        long started = System.nanoTime();
        Process child = builder.start();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("ok ") || line.startsWith("FAIL ")) {
                    return (System.nanoTime() - started) / 1e9;
                }
            }
            return Double.NaN;
        } finally {
            LabProcess.stop(child);
        }
    }
}
