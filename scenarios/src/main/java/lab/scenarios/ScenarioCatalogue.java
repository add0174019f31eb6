package lab.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
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
 * order, and each folder holds {@code scenario.json}, {@code lesson.md} and the attacker pages it names. Adding a
 * scenario is a data change: a new folder and one line in the index. Loading checks every field
 * ({@link ScenarioReader}).
 */
public final class ScenarioCatalogue {

    /** Where the lab's own catalogue lives on the classpath. */
    public static final String ROOT = "scenarios/";
    /** Attacker pages are looked up by name from URLs, so only plain file names are ever resolved. */
    private static final Pattern PAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css)");

    /** Ids become folder names and URL segments. */
    private static final Pattern SCENARIO_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final Pattern PAGE_PATH = Pattern.compile("[a-z0-9][a-z0-9-]*/" + PAGE_NAME.pattern());

    private static final String LESSON = "lesson.md";
    /** Files every attacker page may load, shared by all scenarios. */
    private static final List<String> KIT_FILES = List.of("lab-kit.js", "lab-kit.css");

    private final Map<String, Scenario> scenarios;
    private final Map<String, byte[]> kit;
    private final Resources resources;
    private final Map<String, byte[]> pages = new java.util.concurrent.ConcurrentHashMap<>();

    private ScenarioCatalogue(Map<String, Scenario> scenarios, Map<String, byte[]> kit, Resources resources) {
        this.scenarios = Collections.unmodifiableMap(scenarios);
        this.kit = kit;
        this.resources = resources;
    }

    /**
     * Reads and checks the whole catalogue except defence names and values, which only the victim knows: for
     * callers that never set defences. The lab runner loads through {@code LabCatalogue}, which checks them too.
     */
    public static ScenarioCatalogue load() {
        return load(DefenceVocabulary.ANY);
    }

    /** Reads and checks the whole catalogue; a broken data file fails here, naming the file, case and field. */
    public static ScenarioCatalogue load(DefenceVocabulary defences) {
        return load(defences, ScenarioCatalogue.class.getClassLoader(), ROOT);
    }

    /**
     * Reads a catalogue from {@code root} (ending in {@code /}) on {@code loader}'s classpath: tests load broken
     * fixtures this way.
     */
    public static ScenarioCatalogue load(DefenceVocabulary defences, ClassLoader loader, String root) {
        Resources resources = new Resources(loader, root);
        ObjectMapper mapper = new ObjectMapper();
        List<String> ids = resources.readJson(mapper, "index.json", new TypeReference<List<String>>() {});
        Map<String, Scenario> byId = new LinkedHashMap<>();
        for (String id : ids) {
            if (!SCENARIO_ID.matcher(id).matches()) {
                throw new IllegalStateException(root + "index.json: '" + id + "' is not a scenario id (a folder name"
                        + " of lower-case letters, digits and dashes)");
            }
            String file = root + id + "/scenario.json";
            Scenario scenario = new ScenarioReader(file, defences)
                    .read(resources.readJson(mapper, id + "/scenario.json", new TypeReference<JsonNode>() {}));
            if (!scenario.id().equals(id)) {
                throw new IllegalStateException(
                        file + ": id: '" + scenario.id() + "' does not match its folder '" + id + "'");
            }
            if (!PAGE_PATH.matcher(scenario.pagePath()).matches()
                    || resources.bytes(scenario.pagePath()).isEmpty()) {
                throw new IllegalStateException(file + ": page: attack page '" + scenario.page() + "' is missing");
            }
            if (resources.bytes(id + "/" + LESSON).isEmpty()) {
                throw new IllegalStateException(
                        root + id + "/" + LESSON + " is missing: every scenario teaches its lesson");
            }
            if (byId.put(id, scenario) != null) {
                throw new IllegalStateException(root + "index.json: '" + id + "' is listed twice");
            }
        }
        Map<String, byte[]> kit = new LinkedHashMap<>();
        for (String name : KIT_FILES) {
            kit.put(
                    name,
                    resources.bytes(name).orElseThrow(() -> new IllegalStateException(root + name + " is missing")));
        }
        return new ScenarioCatalogue(byId, kit, resources);
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

    /**
     * The lesson of a scenario, in Markdown, without the markers of its generated table: they are for whoever
     * edits the file, not for the reader.
     */
    public String lesson(String scenarioId) {
        return resource(scenarioId, LESSON)
                .map(b -> LessonTable.withoutMarkers(new String(b, java.nio.charset.StandardCharsets.UTF_8)))
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + scenarioId + "'"));
    }

    private Optional<byte[]> resource(String scenarioId, String fileName) {
        return resources.bytes(scenarioId + "/" + fileName);
    }

    /** The catalogue's files: paths relative to a root on one class loader. */
    private record Resources(ClassLoader loader, String root) {

        Optional<byte[]> bytes(String path) {
            try (InputStream in = loader.getResourceAsStream(root + path)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        <T> T readJson(ObjectMapper mapper, String path, TypeReference<T> type) {
            try (InputStream in = loader.getResourceAsStream(root + path)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "scenario catalogue: " + root + path + " is missing from the classpath");
                }
                return mapper.readValue(in, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(root + path + ": " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(root + path, e);
            }
        }
    }
}
