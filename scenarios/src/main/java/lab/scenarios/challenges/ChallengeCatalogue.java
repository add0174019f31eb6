package lab.scenarios.challenges;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import lab.scenarios.DefenceVocabulary;
import lab.scenarios.ScenarioCatalogue;

/**
 * The hands-on challenges on the classpath under {@code challenges/}: {@code index.json} names the folders in
 * teaching order, and each folder holds {@code challenge.json} and the trainer's solution. Adding a challenge is a
 * data change. Loading checks every field and fails naming the file and the field.
 */
public final class ChallengeCatalogue {

    public static final String ROOT = "challenges/";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]*\\.html");

    private final Map<String, Challenge> challenges;
    private final Map<String, String> solutions;

    private ChallengeCatalogue(Map<String, Challenge> challenges, Map<String, String> solutions) {
        this.challenges = challenges;
        this.solutions = solutions;
    }

    /** The lab's own challenges, their defences checked against {@code vocabulary} and attacks against the catalogue. */
    public static ChallengeCatalogue load(DefenceVocabulary vocabulary, ScenarioCatalogue scenarios) {
        return load(vocabulary, id -> scenarios.find(id).isPresent(), ChallengeCatalogue.class.getClassLoader(), ROOT);
    }

    /** Reads challenges from {@code root} (ending in {@code /}) on {@code loader}'s classpath: tests load fixtures so. */
    public static ChallengeCatalogue load(
            DefenceVocabulary vocabulary, Predicate<String> scenarioExists, ClassLoader loader, String root) {
        ObjectMapper mapper = new ObjectMapper();
        List<String> ids = readJson(mapper, loader, root, "index.json", new TypeReference<List<String>>() {});
        Map<String, Challenge> byId = new LinkedHashMap<>();
        Map<String, String> solutions = new LinkedHashMap<>();
        for (String id : ids) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException(root + "index.json: '" + id + "' is not a challenge id (a folder name"
                        + " of lower-case letters, digits and dashes)");
            }
            String file = root + id + "/challenge.json";
            Challenge challenge = new ChallengeReader(file, vocabulary, scenarioExists)
                    .read(readJson(mapper, loader, root, id + "/challenge.json", new TypeReference<JsonNode>() {}));
            if (!challenge.id().equals(id)) {
                throw new IllegalStateException(
                        file + ": id: '" + challenge.id() + "' does not match its folder '" + id + "'");
            }
            if (challenge.kind() == ChallengeKind.ATTACK) {
                if (!FILE.matcher(challenge.solutionFile()).matches()) {
                    throw new IllegalStateException(file + ": solution.file: '" + challenge.solutionFile()
                            + "' is not a plain .html file name of the folder");
                }
                String source = bytes(loader, root + id + "/" + challenge.solutionFile())
                        .map(b -> new String(b, StandardCharsets.UTF_8))
                        .orElseThrow(() -> new IllegalStateException(
                                file + ": solution.file: '" + challenge.solutionFile() + "' is missing"));
                solutions.put(id, source);
            }
            if (byId.put(id, challenge) != null) {
                throw new IllegalStateException(root + "index.json: '" + id + "' is listed twice");
            }
        }
        return new ChallengeCatalogue(byId, solutions);
    }

    public List<Challenge> all() {
        return new ArrayList<>(challenges.values());
    }

    public Optional<Challenge> find(String id) {
        return Optional.ofNullable(challenges.get(id));
    }

    /** The trainer's exploit of an attack challenge. */
    public Optional<String> solutionSource(String id) {
        return Optional.ofNullable(solutions.get(id));
    }

    private static Optional<byte[]> bytes(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T readJson(
            ObjectMapper mapper, ClassLoader loader, String root, String path, TypeReference<T> type) {
        try (InputStream in = loader.getResourceAsStream(root + path)) {
            if (in == null) {
                throw new IllegalStateException("challenges: " + root + path + " is missing from the classpath");
            }
            return mapper.readValue(in, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(root + path + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(root + path, e);
        }
    }
}
