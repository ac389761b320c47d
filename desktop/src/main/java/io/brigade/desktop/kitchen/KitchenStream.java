package io.brigade.desktop.kitchen;

import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Reads the server's kitchen event stream (server-sent events) on its own thread and reconnects when it
 * breaks: the first connection asks for a snapshot, every reconnection sends {@code Last-Event-ID} so nothing
 * is missed and nothing is shown twice. The listener is told when the stream is up and when it is down.
 */
public final class KitchenStream implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KitchenStream.class.getName());

    /** What the stream reports; called on the stream's thread. */
    public interface Listener {
        void connected();

        void event(String id, String type, String data);

        void disconnected(String why);
    }

    private final OkHttpClient http;
    private final HttpUrl url;
    private final Listener listener;
    private final Duration retry;
    private volatile boolean running;
    // Each start gets a new generation: a reader thread left over from before a quick stop/start ends itself.
    private volatile int generation;
    private volatile String lastEventId;
    private volatile Call call;
    private Thread thread;

    /** {@code http} signs requests (the back office's client); the read timeout covers three missed heartbeats. */
    public KitchenStream(OkHttpClient http, HttpUrl url, Listener listener, Duration retry) {
        this.http = http.newBuilder().readTimeout(Duration.ofSeconds(50)).build();
        this.url = url;
        this.listener = listener;
        this.retry = retry;
    }

    /** Starts reading from a fresh snapshot (no-op when already running). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lastEventId = null;
        int mine = ++generation;
        thread = new Thread(() -> loop(mine), "kitchen-stream");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops reading (the person signed out or left the kitchen). */
    public synchronized void stop() {
        running = false;
        Call c = call;
        if (c != null) {
            c.cancel();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    private boolean current(int mine) {
        return running && generation == mine;
    }

    private void loop(int mine) {
        while (current(mine)) {
            String why;
            try {
                why = readOnce(mine);
            } catch (IOException e) {
                why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.log(Level.FINE, "kitchen stream broke", e);
            }
            if (!current(mine)) {
                return;
            }
            listener.disconnected(why);
            try {
                Thread.sleep(retry.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One connection, read to its end; answers why it ended. */
    private String readOnce(int mine) throws IOException {
        Request.Builder request = new Request.Builder().url(url).header("Accept", "text/event-stream");
        String resumeFrom = lastEventId;
        if (resumeFrom != null) {
            request.header("Last-Event-ID", resumeFrom);
        }
        Call c = http.newCall(request.build());
        call = c;
        try (Response response = c.execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                return "the server answered " + response.code();
            }
            if (!current(mine)) {
                return "stopped";
            }
            listener.connected();
            BufferedSource source = response.body().source();
            String id = null;
            String type = null;
            StringBuilder data = null;
            String line;
            while (current(mine) && (line = source.readUtf8Line()) != null) {
                if (line.isEmpty()) {
                    if (data != null && current(mine)) {
                        if (id != null) {
                            lastEventId = id;
                        }
                        listener.event(id, type == null ? "message" : type, data.toString());
                    }
                    id = null;
                    type = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring(5).stripLeading());
                }
            }
            return "the server ended the stream";
        }
    }

    @Override
    public void close() {
        stop();
    }
}
