package io.brigade.desktop.client;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the server's kitchen event stream (server-sent events, through OkHttp's SSE client) and reconnects when it
 * breaks: the first connection asks for a snapshot, every reconnection sends {@code Last-Event-ID} so nothing
 * is missed and nothing is shown twice. The listener is told when the stream is up and when it is down.
 */
public final class KitchenStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenStream.class);

    /** What the stream reports; called on OkHttp's threads, one call at a time. */
    public interface Listener {
        void connected();

        void event(String id, String type, String data);

        void disconnected(String why);
    }

    private final EventSource.Factory sources;
    private final HttpUrl url;
    private final Listener listener;
    private final Duration retry;
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kitchen-stream-retry");
        t.setDaemon(true);
        return t;
    });
    private boolean running;
    // Each start gets a new generation: callbacks of a source from before a quick stop/start are ignored.
    private int generation;
    private String lastEventId;
    private EventSource source;

    /** {@code http} signs requests (the back office's client); the read timeout covers three missed heartbeats. */
    public KitchenStream(OkHttpClient http, HttpUrl url, Listener listener, Duration retry) {
        // A stream has no end: no call timeout (a terminal's client has one for its other calls).
        this.sources = EventSources.createFactory(http.newBuilder().readTimeout(Duration.ofSeconds(50))
                .callTimeout(Duration.ZERO).build());
        this.url = url;
        this.listener = listener;
        this.retry = retry;
    }

    /** Starts reading from a fresh snapshot (no-op when already running). */
    public synchronized void start() {
        start(null);
    }

    /**
     * Starts reading after event {@code fromEventId} (null: from a fresh snapshot); no-op when already running. The
     * server answers a snapshot instead when that event is older than it keeps.
     */
    public synchronized void start(String fromEventId) {
        if (running) {
            return;
        }
        running = true;
        lastEventId = fromEventId;
        connect(++generation);
    }

    /** Stops reading (the person signed out or left the kitchen). */
    public synchronized void stop() {
        running = false;
        generation++;
        if (source != null) {
            source.cancel();
            source = null;
        }
    }

    public synchronized boolean isRunning() {
        return running;
    }

    private synchronized void connect(int mine) {
        if (!current(mine)) {
            return;
        }
        Request.Builder request = new Request.Builder().url(url);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        source = sources.newEventSource(request.build(), new Reader(mine));
    }

    private boolean current(int mine) {
        return running && generation == mine;
    }

    /** One connection's callbacks; those of a connection that is no longer current are dropped. */
    private final class Reader extends EventSourceListener {
        private final int mine;

        Reader(int mine) {
            this.mine = mine;
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            if (isCurrent()) {
                listener.connected();
            }
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            synchronized (KitchenStream.this) {
                if (!current(mine)) {
                    return;
                }
                if (id != null) {
                    lastEventId = id;
                }
            }
            listener.event(id, type == null ? "message" : type, data);
        }

        @Override
        public void onClosed(EventSource eventSource) {
            broken("the server ended the stream");
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            if (response != null && !response.isSuccessful()) {
                broken("the server answered " + response.code());
            } else {
                LOG.debug("kitchen stream broke", t);
                broken(t == null ? "the stream broke" : t.getMessage() == null ? t.getClass().getSimpleName()
                        : t.getMessage());
            }
        }

        private void broken(String why) {
            if (!isCurrent()) {
                return;
            }
            listener.disconnected(why);
            reconnects.schedule(() -> connect(mine), retry.toMillis(), TimeUnit.MILLISECONDS);
        }

        private boolean isCurrent() {
            synchronized (KitchenStream.this) {
                return current(mine);
            }
        }
    }

    @Override
    public void close() {
        stop();
        reconnects.shutdownNow();
    }
}
