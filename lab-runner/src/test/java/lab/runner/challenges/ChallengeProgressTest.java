package lab.runner.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lab.victim.data.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress kept in a data directory survives a restart; reset forgets it. */
class ChallengeProgressTest {

    @TempDir
    Path directory;

    @Test
    void solvedStatusAndHintsSurviveARestart() {
        DataDirectory data = DataDirectory.of(directory);
        try (ChallengeProgress progress = ChallengeProgress.in(data)) {
            progress.revealHint("steal-with-null", 3);
            progress.revealHint("steal-with-null", 3);
            progress.markSolved("csrf-email");
        }
        try (ChallengeProgress progress = ChallengeProgress.in(data)) {
            assertThat(progress.solved("csrf-email")).isTrue();
            assertThat(progress.solved("steal-with-null")).isFalse();
            assertThat(progress.hintsRevealed("steal-with-null")).isEqualTo(2);
            assertThat(progress.revealHint("steal-with-null", 2)).isEqualTo(2);
            progress.reset();
            assertThat(progress.solved("csrf-email")).isFalse();
            assertThat(progress.hintsRevealed("steal-with-null")).isZero();
        }
    }
}
