package io.brigade.server.webhooks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a request over a pooled connection and, when that connection turns out to have been closed by the
 * receiver (a keep-alive it dropped between two deliveries: the write or the read fails at once), sends it
 * once more over a new connection before anything counts as a failed attempt. A timeout or a failure on a
 * connection made for this request is not retried: that receiver is slow or down, not stale.
 */
final class FreshConnectionRetry {
    private final OkHttpClient pooled;
    private final OkHttpClient fresh;

    /** {@code builder} is the client's settings; the pooled client watches how each call got its connection. */
    FreshConnectionRetry(OkHttpClient.Builder builder) {
        this.pooled = builder.eventListenerFactory(call -> {
            Use use = call.request().tag(Use.class);
            return use == null ? EventListener.NONE : use;
        }).build();
        // Keeps no idle connection: every call through it opens its own.
        this.fresh = pooled.newBuilder().eventListenerFactory(call -> EventListener.NONE)
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
    }

    Response execute(Request request) throws IOException {
        Use use = new Use();
        try {
            return pooled.newCall(request.newBuilder().tag(Use.class, use).build()).execute();
        } catch (IOException e) {
            if (!use.reusedPooledConnection() || e instanceof InterruptedIOException) {
                throw e;
            }
            return fresh.newCall(request).execute();
        }
    }

    OkHttpClient client() {
        return pooled;
    }

    void close() {
        pooled.dispatcher().executorService().shutdown();
        pooled.connectionPool().evictAll();
        fresh.connectionPool().evictAll();
    }

    /** How one call got its connection: from the pool when it acquired one without connecting. */
    private static final class Use extends EventListener {
        private volatile boolean connected;
        private volatile boolean acquired;

        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            connected = true;
        }

        @Override
        public void connectionAcquired(Call call, Connection connection) {
            acquired = true;
        }

        boolean reusedPooledConnection() {
            return acquired && !connected;
        }
    }
}
