package io.brigade.server.kitchen;

import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.server.db.Database;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open kitchen streams of this node and the one thread that feeds them. New events are found by reading
 * {@code kitchen_events} after each stream's cursor, every {@code pollInterval} (which is how events committed
 * by other nodes on the same database arrive) and at once when {@link #wake} is called after a local commit
 * (which keeps latency low). A stream with a write still in flight is skipped until it drains, so a slow
 * display never holds up the others; a failed write ends that stream. Idle streams get a heartbeat comment.
 */
public final class KitchenStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenStreams.class);
    private static final int BATCH = 500;
    private final Database database;
    private final EventSource source;
    private final long pollNanos;
    private final long heartbeatNanos;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean pending;
    private volatile boolean running = true;
    private final Thread thread;

    public KitchenStreams(Database database, KitchenRepository kitchen, Duration pollInterval, Duration heartbeat) {
        this(database, kitchen::eventsAfter, "kitchen-streams", pollInterval, heartbeat);
    }

    /** Where a stream's events are read from: an org's events after a cursor, in order. */
    @FunctionalInterface
    public interface EventSource {
        List<KitchenEvent> eventsAfter(java.sql.Connection c, String orgId, long afterSeq, int limit)
                throws java.sql.SQLException;
    }

    /** Streams of another event log numbered the same way (the checks' floor stream), fed by a thread {@code name}. */
    public KitchenStreams(Database database, EventSource source, String name, Duration pollInterval,
                          Duration heartbeat) {
        this.database = database;
        this.source = source;
        this.pollNanos = pollInterval.toNanos();
        this.heartbeatNanos = heartbeat.toNanos();
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Polling every {@code brigade.kitchen.pollMillis} (default 250: how soon another node's events arrive) and
     * a heartbeat every {@code brigade.kitchen.heartbeatSeconds} (default 15, under Jetty's 30 s idle timeout).
     */
    public static KitchenStreams fromSystemProperties(Database database, KitchenRepository kitchen) {
        return new KitchenStreams(database, kitchen, Duration.ofMillis(Long.getLong("brigade.kitchen.pollMillis", 250)),
                Duration.ofSeconds(Long.getLong("brigade.kitchen.heartbeatSeconds", 15)));
    }

    /** As {@link #fromSystemProperties}, for streams of {@code source}. */
    public static KitchenStreams fromSystemProperties(Database database, EventSource source, String name) {
        return new KitchenStreams(database, source, name, Duration.ofMillis(Long.getLong("brigade.kitchen.pollMillis",
                250)), Duration.ofSeconds(Long.getLong("brigade.kitchen.heartbeatSeconds", 15)));
    }

    /** One client's stream: its org and property, and the last event number it was sent (or skipped past). */
    private static final class Stream {
        final String orgId;
        final String propertyId;
        final Response response;
        final Callback callback;
        volatile long cursor;
        volatile boolean writing;
        volatile long lastWrite = System.nanoTime();
        volatile boolean ended;

        Stream(String orgId, String propertyId, long cursor, Response response, Callback callback) {
            this.orgId = orgId;
            this.propertyId = propertyId;
            this.cursor = cursor;
            this.response = response;
            this.callback = callback;
        }
    }

    /**
     * Starts an event stream on {@code response}: headers, then {@code first} (a snapshot event or a comment),
     * then every event of the org's {@code propertyId} after {@code cursor}.
     */
    public void open(String orgId, String propertyId, long cursor, String first, Response response,
                     Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        Stream s = new Stream(orgId, propertyId, cursor, response, callback);
        if (!running) {
            response.write(true, ByteBuffer.wrap(first.getBytes(StandardCharsets.UTF_8)), callback);
            return;
        }
        streams.add(s);
        send(s, first);
        wake(orgId);
    }

    /** Reads new events now (called after a local commit that may have appended some). */
    public void wake(String orgId) {
        lock.lock();
        try {
            pending = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    /** How many streams this node is serving. */
    public int size() {
        return streams.size();
    }

    private void loop() {
        while (running) {
            try {
                lock.lock();
                try {
                    if (!pending) {
                        woken.awaitNanos(Math.min(pollNanos, heartbeatNanos));
                    }
                    pending = false;
                } finally {
                    lock.unlock();
                }
                if (running) {
                    round();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A database hiccup must not end the streams: the next round reads from the same cursors.
                LOG.warn("kitchen stream round failed; retrying", e);
                sleepQuietly();
            }
        }
    }

    private void round() {
        Map<String, List<Stream>> byOrg = new HashMap<>();
        for (Stream s : streams) {
            if (!s.writing && !s.ended) {
                byOrg.computeIfAbsent(s.orgId, k -> new ArrayList<>()).add(s);
            }
        }
        boolean more = false;
        for (Map.Entry<String, List<Stream>> org : byOrg.entrySet()) {
            long from = org.getValue().stream().mapToLong(s -> s.cursor).min().orElseThrow();
            List<KitchenEvent> events = database.read(c -> source.eventsAfter(c, org.getKey(), from, BATCH));
            more |= events.size() == BATCH;
            for (Stream s : org.getValue()) {
                deliver(s, events);
            }
        }
        long now = System.nanoTime();
        for (Stream s : streams) {
            if (!s.writing && !s.ended && now - s.lastWrite >= heartbeatNanos) {
                send(s, ": heartbeat\n\n");
            }
        }
        if (more) {
            wake(null);
        }
    }

    private void deliver(Stream s, List<KitchenEvent> events) {
        StringBuilder out = new StringBuilder();
        long cursor = s.cursor;
        for (KitchenEvent e : events) {
            if (e.seq() <= cursor) {
                continue;
            }
            cursor = e.seq();
            if (e.propertyId().equals(s.propertyId)) {
                out.append(format(e.seq(), e.type(), e.payload()));
            }
        }
        s.cursor = cursor;
        if (!out.isEmpty()) {
            send(s, out.toString());
        }
    }

    /** One server-sent event; the JSON payload has no newlines, so it is one {@code data:} line. */
    public static String format(long id, String event, String json) {
        return "id: " + id + "\nevent: " + event + "\ndata: " + json.replace("\n", "\ndata: ") + "\n\n";
    }

    private void send(Stream s, String text) {
        s.writing = true;
        s.response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), Callback.from(() -> {
            s.lastWrite = System.nanoTime();
            s.writing = false;
            if (!running) {
                end(s);
            }
        }, failure -> {
            // The display went away (or its connection broke): this stream is over.
            s.writing = false;
            s.ended = true;
            streams.remove(s);
            s.callback.failed(failure);
        }));
    }

    private void end(Stream s) {
        synchronized (s) {
            if (s.ended) {
                return;
            }
            s.ended = true;
        }
        streams.remove(s);
        s.response.write(true, null, s.callback);
    }

    /** Ends every stream cleanly (clients see the end and reconnect elsewhere or later) and stops the thread. */
    @Override
    public void close() {
        running = false;
        wake(null);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Stream s : List.copyOf(streams)) {
            if (!s.writing) {
                end(s);
            }
            // A stream still writing ends in its write's callback, which sees running == false.
        }
    }

    private static void sleepQuietly() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
