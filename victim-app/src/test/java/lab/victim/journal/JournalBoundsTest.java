package lab.victim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import lab.victim.data.VictimDatabase;
import org.junit.jupiter.api.Test;

/** What a stranger's requests can make the journal hold: never more than its bounds, and it says what it dropped. */
class JournalBoundsTest {

    /** A request as large as the server lets through: 8 KB of headers, most of it in one of them. */
    private static JournalEntry hostile(int n) {
        String big = "x".repeat(7_000);
        return JournalEntry.observed(
                "GET",
                "/profile/stranger-" + n,
                "http://" + big + ".localhost",
                "social.localhost",
                "cross-site",
                "no-cors",
                "http://evil.localhost/" + big,
                big,
                List.of("a", "b"),
                false,
                null,
                Map.of(),
                404,
                null);
    }

    @Test
    void the_window_in_memory_keeps_to_its_bytes_and_counts_what_fell_out() {
        RequestJournal journal = new RequestJournal();
        int sent = 4_000;
        for (int i = 0; i < sent; i++) {
            journal.record(hostile(i));
        }
        assertThat(journal.windowBytes()).isLessThanOrEqualTo(RequestJournal.WINDOW_MAX_BYTES);
        assertThat(journal.windowSize()).isLessThan(sent);
        assertThat(journal.dropped()).isEqualTo(sent - journal.windowSize());
        assertThat(journal.since(0)).first().extracting(JournalEntry::seq).isEqualTo(journal.dropped() + 1);
        journal.clear();
        assertThat(journal.windowSize()).isZero();
        assertThat(journal.dropped()).isZero();
    }

    @Test
    void the_window_in_memory_keeps_to_its_count() {
        RequestJournal journal = new RequestJournal(100);
        for (int i = 0; i < 250; i++) {
            journal.record(JournalEntry.observed("GET", "/api/me", null, false, null, 401));
        }
        assertThat(journal.windowSize()).isEqualTo(100);
        assertThat(journal.dropped()).isEqualTo(150);
        assertThat(journal.since(0, 30))
                .hasSize(30)
                .first()
                .extracting(JournalEntry::seq)
                .isEqualTo(151L);
    }

    @Test
    void the_record_in_h2_keeps_to_its_bytes_and_counts_what_it_deleted() throws Exception {
        try (VictimDatabase db = VictimDatabase.inMemory();
                JournalArchive archive = new JournalArchive(db.dataSource())) {
            RequestJournal journal = new RequestJournal(RequestJournal.DEFAULT_CAPACITY, archive);
            int sent = 2_000;
            for (int i = 0; i < sent; i++) {
                journal.record(hostile(i));
            }
            assertThat(archive.flush(60_000)).isTrue();
            assertThat(archive.bytes()).isLessThanOrEqualTo(JournalArchive.MAX_BYTES);
            assertThat(archive.count()).isLessThan(sent);
            assertThat(archive.dropped() + archive.count()).isEqualTo(sent);
        }
    }

    @Test
    void clearing_the_record_empties_the_table() throws Exception {
        try (VictimDatabase db = VictimDatabase.inMemory();
                JournalArchive archive = new JournalArchive(db.dataSource())) {
            RequestJournal journal = new RequestJournal(RequestJournal.DEFAULT_CAPACITY, archive);
            for (int i = 0; i < 300; i++) {
                journal.record(hostile(i));
            }
            assertThat(archive.flush(60_000)).isTrue();
            assertThat(archive.count()).isEqualTo(300);
            archive.clear();
            assertThat(archive.count()).isZero();
            assertThat(archive.bytes()).isZero();
            journal.record(hostile(300));
            assertThat(archive.flush(60_000)).isTrue();
            assertThat(archive.count()).isEqualTo(1);
        }
    }
}
