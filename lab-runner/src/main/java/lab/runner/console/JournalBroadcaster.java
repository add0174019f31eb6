package lab.runner.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import lab.victim.journal.JournalEntry;
import lab.victim.journal.RequestJournal;

/**
 * Pushes each new journal entry, and each change of defences, to the console pages that are open (server-sent
 * events {@code entry} and {@code defences}). Each page has a
 * bounded queue and a sending thread of its own: a page that stops reading fills only its own queue and is then
 * dropped, so it never holds up the other pages or the victim's request threads. A page that went away is
 * found by the keep-alive comment sent whenever its queue stays empty, and its slot is freed at once.
 */
final class JournalBroadcaster implements AutoCloseable {

    static final int MAX_CLIENTS = 32;
    /**
     * The bytes of entries that may wait for one page (32 pages: 16 MB at most); a page this far behind is not
     * reading and is dropped. Its EventSource reconnects by itself once it reads again.
     */
    static final long QUEUE_LIMIT_BYTES = 512 * 1024;
    /** How long a page's queue may stay empty before a keep-alive comment checks that the page is still there. */
    static final long KEEP_ALIVE_MILLIS = 1_000;

    private final Semaphore slots = new Semaphore(MAX_CLIENTS);
    private final Set<Page> pages = ConcurrentHashMap.newKeySet();
    private final ObjectMapper mapper = new ObjectMapper();
    private final AutoCloseable subscription;

    JournalBroadcaster(RequestJournal journal) {
        this.subscription = journal.subscribe(this::broadcast);
    }

    /**
     * Takes a slot for one more page, before the event stream answers 200: a full console is a 503. The slot
     * is given back by {@link Slot#release()} if the stream never starts, or when its page goes.
     */
    Slot reserve() {
        if (!slots.tryAcquire()) {
            throw new ServiceUnavailableResponse("too many open console pages (" + MAX_CLIENTS + ")");
        }
        return new Slot();
    }

    /** The pages receiving events now. */
    int pages() {
        return pages.size();
    }

    private void broadcast(JournalEntry entry) {
        announce("entry", JournalView.of(entry));
    }

    /** Sends one event of another kind (a change of defences) to every open page, in order with the entries. */
    void announce(String event, Object value) {
        if (pages.isEmpty()) {
            return;
        }
        String json;
        try {
            json = mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return;
        }
        for (Page page : pages) {
            page.offer(new Event(event, json));
        }
    }

    private record Event(String name, String json) {}

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // Removing a listener from a list cannot fail in a way worth reporting at shutdown.
        }
        pages.forEach(Page::drop);
    }

    /** One page's place among the {@link #MAX_CLIENTS}; released exactly once. */
    final class Slot {
        private final AtomicBoolean held = new AtomicBoolean(true);

        void release() {
            if (held.getAndSet(false)) {
                slots.release();
            }
        }

        /** Starts sending events to {@code client}, which holds this slot until it goes or is dropped. */
        void join(SseClient client) {
            Page page = new Page(client, this);
            pages.add(page);
            client.onClose(page::closing);
            Thread sender = new Thread(page::send, "console-journal-events");
            sender.setDaemon(true);
            sender.start();
            client.keepAlive();
        }
    }

    /** One open page: its queue, and the thread that writes the queue to it. */
    private final class Page {
        private final SseClient client;
        private final Slot slot;
        private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        private final AtomicLong queuedBytes = new AtomicLong();
        private final AtomicBoolean dropped = new AtomicBoolean();

        Page(SseClient client, Slot slot) {
            this.client = client;
            this.slot = slot;
        }

        void offer(Event event) {
            if (queuedBytes.addAndGet(event.json().length()) > QUEUE_LIMIT_BYTES) {
                drop();
            } else {
                queue.add(event);
            }
        }

        void send() {
            try {
                while (!dropped.get() && !client.terminated()) {
                    Event event = queue.poll(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
                    if (dropped.get() || client.terminated()) {
                        break; // dropped while waiting: writing now would only log a warning
                    } else if (event == null) {
                        client.sendComment("keep-alive");
                    } else {
                        queuedBytes.addAndGet(-event.json().length());
                        client.sendEvent(event.name(), event.json());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // A write to a page that went away: dropping it below is all there is to do.
            } finally {
                drop();
            }
        }

        void drop() {
            if (!dropped.getAndSet(true)) {
                pages.remove(this);
                slot.release();
                queue.clear();
                if (requestOpen()) {
                    client.close();
                }
            }
        }

        /**
         * Runs when the client closes, before Javalin completes the stream's request. When a write found the page
         * gone after Jetty had already ended the request (its idle timeout reached a page that stopped reading),
         * completing it would make Javalin run its error handler on a recycled response, over and over, on this
         * page's thread: the exception stops the close there, and {@link #send()} ends.
         */
        private void closing() {
            drop();
            if (!requestOpen()) {
                throw new RequestEnded();
            }
        }

        /** Whether the stream's request is still open; Jetty may have ended and recycled it on its own. */
        private boolean requestOpen() {
            try {
                return client.ctx().req().isAsyncStarted();
            } catch (RuntimeException recycled) {
                return false;
            }
        }
    }

    /** The server ended a page's request before the page's thread closed it: there is nothing left to complete. */
    private static final class RequestEnded extends RuntimeException {
        RequestEnded() {
            super("the request of this console page has already ended", null, false, false);
        }
    }
}
