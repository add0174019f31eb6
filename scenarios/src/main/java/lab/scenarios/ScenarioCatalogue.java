package lab.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scenarios on the classpath under {@code scenarios/}: {@code index.json} names the folders in teaching
 * order, and each folder holds {@code scenario.json} plus the attacker pages it names. Adding a scenario is a
 * data change: a new folder and one line in the index.
 */
public final class ScenarioCatalogue {

    private static final String ROOT = "scenarios/";
    /** Attacker pages are looked up by name from URLs, so only plain file names are ever resolved. */
    private static final Pattern PAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css)");

    private static final Pattern PAGE_PATH = Pattern.compile("[a-z0-9][a-z0-9-]*/" + PAGE_NAME.pattern());

    private static final String LESSON = "lesson.md";
    /** Files every attacker page may load, shared by all scenarios. */
    private static final List<String> KIT_FILES = List.of("lab-kit.js", "lab-kit.css");

    private final Map<String, Scenario> scenarios;
    private final Map<String, byte[]> kit;
    private final Map<String, byte[]> pages = new java.util.concurrent.ConcurrentHashMap<>();

    private ScenarioCatalogue(Map<String, Scenario> scenarios, Map<String, byte[]> kit) {
        this.scenarios = Collections.unmodifiableMap(scenarios);
        this.kit = kit;
    }

    /** Reads and checks the whole catalogue; a broken data file fails here, naming the file and the problem. */
    public static ScenarioCatalogue load() {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        List<String> ids = read(mapper, ROOT + "index.json", new TypeReference<List<String>>() {});
        Map<String, Scenario> byId = new LinkedHashMap<>();
        for (String id : ids) {
            String file = ROOT + id + "/scenario.json";
            Scenario scenario = read(mapper, file, new TypeReference<Scenario>() {});
            if (!scenario.id().equals(id)) {
                throw new IllegalStateException(
                        file + ": id '" + scenario.id() + "' does not match its folder '" + id + "'");
            }
            if (scenario.cases().isEmpty()) {
                throw new IllegalStateException(file + ": a scenario needs at least one case");
            }
            for (ScenarioCase scenarioCase : scenario.cases()) {
                if (scenarioCase.expected() == null) {
                    throw new IllegalStateException(
                            file + ": case '" + scenarioCase.conditions() + "' has no expected outcome");
                }
            }
            if (!PAGE_PATH.matcher(scenario.pagePath()).matches()
                    || readBytes(ROOT + scenario.pagePath()).isEmpty()) {
                throw new IllegalStateException(file + ": attack page '" + scenario.page() + "' is missing");
            }
            if (resource(id, LESSON).isEmpty()) {
                throw new IllegalStateException(
                        ROOT + id + "/" + LESSON + " is missing: every scenario teaches its lesson");
            }
            byId.put(id, scenario);
        }
        Map<String, byte[]> kit = new LinkedHashMap<>();
        for (String name : KIT_FILES) {
            kit.put(
                    name,
                    readBytes(ROOT + name).orElseThrow(() -> new IllegalStateException(ROOT + name + " is missing")));
        }
        return new ScenarioCatalogue(byId, kit);
    }

    public List<Scenario> all() {
        return new ArrayList<>(scenarios.values());
    }

    public Optional<Scenario> find(String id) {
        return Optional.ofNullable(scenarios.get(id));
    }

    /**
     * A file of a scenario's folder, for the attacker site to serve. Empty for unknown scenarios and for any
     * name that is not a plain page file name (no path traversal through the URL).
     */
    public Optional<byte[]> page(String scenarioId, String fileName) {
        if (!scenarios.containsKey(scenarioId) || !PAGE_NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        // Pages are read from the jar once: the attacker site serves one for every case. Only files that exist
        // are kept, so what is kept is bounded by the catalogue, whatever names are asked for.
        byte[] page = pages.get(scenarioId + "/" + fileName);
        if (page == null) {
            Optional<byte[]> read = resource(scenarioId, fileName);
            if (read.isEmpty()) {
                return read;
            }
            page = read.get();
            pages.putIfAbsent(scenarioId + "/" + fileName, page);
        }
        return Optional.of(page.clone());
    }

    /**
     * A file every attacker page may load ({@code lab-kit.js}: how pages report to the runner and send their
     * loot home; {@code lab-kit.css}: their look), or empty for any other name.
     */
    public Optional<byte[]> kitFile(String name) {
        return Optional.ofNullable(kit.get(name)).map(byte[]::clone);
    }

    /** The lesson of a scenario, in Markdown. */
    public String lesson(String scenarioId) {
        return resource(scenarioId, LESSON)
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + scenarioId + "'"));
    }

    private static Optional<byte[]> resource(String scenarioId, String fileName) {
        return readBytes(ROOT + scenarioId + "/" + fileName);
    }

    private static Optional<byte[]> readBytes(String path) {
        try (InputStream in = ScenarioCatalogue.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(ObjectMapper mapper, String path, TypeReference<T> type) {
        try (InputStream in = ScenarioCatalogue.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("scenario catalogue: " + path + " is missing from the classpath");
            }
            return mapper.readValue(in, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(path + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
