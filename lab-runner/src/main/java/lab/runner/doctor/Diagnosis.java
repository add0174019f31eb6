package lab.runner.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import lab.runner.browser.BrowserInfo;

/** Which browser was examined and what every check found; as JSON it is what {@code ./lab doctor --json} prints. */
public record Diagnosis(BrowserInfo browser, List<CheckResult> checks) {

    public Diagnosis {
        checks = List.copyOf(checks);
    }

    /** True when no check failed; a check skipped for a missing tool does not count against the browser. */
    public boolean allPassed() {
        return checks.stream().noneMatch(CheckResult::failed);
    }

    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a diagnosis of strings cannot fail to serialise", e);
        }
    }
}
