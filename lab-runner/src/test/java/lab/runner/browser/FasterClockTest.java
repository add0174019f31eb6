package lab.runner.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FasterClockTest {

    @Test
    void the_environment_preloads_the_library_and_starts_the_clock_now_at_the_given_speed() {
        Path library = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

        assertThat(FasterClock.environment(library, 1_000))
                .containsEntry("LD_PRELOAD", library.toString())
                .containsEntry("FAKETIME", "+0 x1000")
                .hasSize(2);
    }

    @Test
    void a_clock_that_is_not_faster_is_refused() {
        assertThatThrownBy(() -> FasterClock.environment(Path.of("/lib.so"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least twice");
    }
}
