package lab.victim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lab.victim.data.DataDirectory;
import lab.victim.data.VictimDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --data keeps the journal's record across restarts: what arrives after a restart is kept too. */
class JournalRestartTest {

    @TempDir
    Path directory;

    @Test
    void a_journal_reopened_on_a_kept_record_numbers_on_and_loses_nothing() throws Exception {
        for (int run = 1; run <= 2; run++) {
            try (VictimDatabase db = VictimDatabase.inDirectory(DataDirectory.of(directory));
                    JournalArchive archive = new JournalArchive(db.dataSource())) {
                RequestJournal journal =
                        new RequestJournal(RequestJournal.DEFAULT_CAPACITY, archive, archive.lastSeq());
                for (int i = 0; i < 5; i++) {
                    journal.record(JournalEntry.observed("GET", "/run-" + run, null, false, null, 200));
                }
                assertThat(archive.flush(60_000)).isTrue();
                assertThat(archive.count()).isEqualTo(5L * run);
                assertThat(journal.lastSeq()).isEqualTo(5L * run);
            }
        }
    }
}
