package lab.runner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import lab.runner.LabServers;
import lab.runner.console.ConsoleServer;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import lab.victim.journal.RequestJournal;
import org.junit.jupiter.api.Test;

/**
 * Thousands of requests over 64 concurrent connections, on loopback only, bounded in time: no errors, no
 * journal entry lost, and the journal's memory bounded by its window. Speed is for ./lab bench, not here.
 */
class LoadTest {

    @Test
    void the_victim_answers_every_request_and_journals_every_one_with_bounded_memory() throws Exception {
        Benchmarks.Load load =
                Benchmarks.throughput(64, Duration.ofSeconds(3), 1).get(0);
        // How many arrive in 3 s is a speed figure (./lab bench prints it), not a pass mark: on a busy machine it
        // falls. What must hold at any speed is below: every request answered and journalled, memory bounded.
        assertThat(load.requests()).isPositive();
        assertThat(load.errors()).isZero();
        assertThat(load.journalEntries()).isEqualTo(load.requests());
        assertThat(load.journalWindow()).isLessThanOrEqualTo(RequestJournal.DEFAULT_CAPACITY);
    }

    @Test
    void the_console_answers_sixty_four_concurrent_clients_without_an_error() throws Exception {
        try (LabServers servers = LabServers.start(ScenarioCatalogue.load(), Defences.WIDE_OPEN, 0, 0)) {
            ConsoleServer console = new ConsoleServer(servers).start(LabServers.LOOPBACK, 0);
            try {
                AtomicInteger ok = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                List<Thread> clients = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    Thread client = new Thread(() -> {
                        HttpClient http = HttpClient.newHttpClient();
                        for (int n = 0; n < 40; n++) {
                            String path = n % 2 == 0 ? "/api/journal" : "/api/defences";
                            try {
                                HttpResponse<String> response = http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path))
                                                .header("Host", "lab.localhost:" + console.port())
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                (response.statusCode() == 200 ? ok : failed).incrementAndGet();
                            } catch (Exception e) {
                                failed.incrementAndGet();
                            }
                        }
                    });
                    clients.add(client);
                    client.start();
                }
                for (Thread client : clients) {
                    client.join(60_000);
                }
                assertThat(failed.get()).isZero();
                assertThat(ok.get()).isEqualTo(64 * 40);
            } finally {
                console.close();
            }
        }
    }
}
