package lab.runner.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lab.victim.journal.JournalEntry;
import lab.victim.journal.RequestJournal;

/**
 * Pushes each new journal entry to the console pages that are open (server-sent events). Sending happens on
 * one thread of its own, so a slow browser tab never holds up the victim's request threads.
 */
final class JournalBroadcaster implements AutoCloseable {

    static final int MAX_CLIENTS = 32;

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "console-journal-events");
        thread.setDaemon(true);
        return thread;
    });
    private final ObjectMapper mapper = new ObjectMapper();
    private final AutoCloseable subscription;

    JournalBroadcaster(RequestJournal journal) {
        this.subscription = journal.subscribe(entry -> sender.execute(() -> broadcast(entry)));
    }

    /** Keeps the client's connection open for events; refuses it when too many pages are open. */
    boolean join(SseClient client) {
        if (clients.size() >= MAX_CLIENTS) {
            return false;
        }
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        client.keepAlive();
        return true;
    }

    private void broadcast(JournalEntry entry) {
        String json;
        try {
            json = mapper.writeValueAsString(JournalView.of(entry));
        } catch (JsonProcessingException e) {
            return;
        }
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendEvent("entry", json);
            }
        }
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // Removing a listener from a list cannot fail in a way worth reporting at shutdown.
        }
        sender.shutdownNow();
        clients.forEach(SseClient::close);
        clients.clear();
    }
}
