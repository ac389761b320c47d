package io.brigade.server.webhooks;

import io.brigade.protocol.webhooks.DeliveryAttempt;
import io.brigade.protocol.webhooks.WebhookSignature;
import io.brigade.server.db.Database;
import io.brigade.server.db.Sql;
import io.brigade.server.Ids;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due webhook deliveries from the database (a lease per batch, safe with several nodes), signs and
 * posts them on a small worker pool, logs every attempt and schedules retries. OkHttp is the client
 * because its {@link Dns} hook lets the connection use exactly the addresses {@link CallbackGuard} just
 * vetted (the JDK client resolves again on its own: a DNS-rebinding gap). Redirects are never followed.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final int AUTO_DISABLE_AFTER = 10;
    static final int MAX_LOGGED_BODY = 1024;
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 64;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Database database;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final SecretBox secrets;
    private final CallbackGuard guard;
    private final Clock clock;
    private final FreshConnectionRetry http;
    private final ExecutorService workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nudged = lock.newCondition();
    private final AtomicInteger hints = new AtomicInteger();
    private volatile boolean running;
    private volatile MenuAttachment.Source attachments = (menuId, revisionId, out) -> false;
    private Thread loop;

    public Dispatcher(Database database, SubscriptionRepository subscriptions, DeliveryRepository deliveries,
                      SecretBox secrets, CallbackGuard guard, Clock clock, int threads) {
        this.database = database;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.guard = guard;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "webhook-worker");
            t.setDaemon(true);
            return t;
        });
        this.http = new FreshConnectionRetry(vettedClient(guard, threads));
    }

    /**
     * The client every delivery goes through: its DNS is the guard's lookup, so the connection is made to
     * exactly the addresses that were just checked (no rebinding between check and connect); no proxy, no
     * redirects, no silent retries (the one retry on a fresh connection is {@link FreshConnectionRetry}'s).
     */
    static OkHttpClient.Builder vettedClient(CallbackGuard guard, int threads) {
        Dns vetted = hostname -> {
            List<InetAddress> ok = guard.lookup(hostname);
            if (ok.isEmpty()) {
                throw new UnknownHostException("no address for " + hostname);
            }
            return ok;
        };
        return new OkHttpClient.Builder()
                .dns(vetted)
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(10))
                .connectionPool(new ConnectionPool(threads * 2, 1, TimeUnit.MINUTES));
    }

    /** Where events that carry a menu by reference (menu.published.v1) get the revision's JSON. */
    public void menus(MenuAttachment.Source source) {
        this.attachments = source;
    }

    /** Tells the polling loop that new deliveries may be due (called after the transaction that queued them committed). */
    public void hint() {
        hints.incrementAndGet();
        lock.lock();
        try {
            nudged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Starts the polling loop: it looks for due work every 100 ms, and at once after a hint. */
    public void start() {
        running = true;
        loop = new Thread(this::pollLoop, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    private void pollLoop() {
        while (running) {
            int seen = hints.get();
            int done = 0;
            try {
                done = runDue();
            } catch (RuntimeException e) {
                LOG.warn("webhook dispatch round failed; retrying", e);
            }
            if (done > 0) {
                continue;
            }
            lock.lock();
            try {
                if (running && hints.get() == seen) {
                    nudged.await(100, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Claims one batch of due deliveries, posts them all on the worker pool and returns when every one has
     * an outcome; returns how many were attempted. Tests drive the schedule through this with a fixed clock.
     */
    public int runDue() {
        Instant now = clock.instant();
        // A claim is a write, which waits for its sync to disk: only make one when there is something to claim.
        if (!database.read(c -> deliveries.anyDue(c, now))) {
            return 0;
        }
        String owner = Ids.uuid();
        List<DeliveryRepository.Claimed> claimed = database.inTransaction(c ->
                deliveries.claim(c, owner, now, now.plus(LEASE), BATCH, database.isPostgres()));
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Future<Outcome>> posts = new ArrayList<>();
        for (DeliveryRepository.Claimed d : claimed) {
            posts.add(workers.submit(() -> attempt(d)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : posts) {
            try {
                outcomes.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return claimed.size(); // the lease runs out and another round takes them again
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("webhook delivery failed unexpectedly", e.getCause());
            }
        }
        // One transaction for the whole batch's log rows and state changes: a commit per delivery would
        // cap the rate at the database's commit rate.
        database.inTransaction(c -> {
            recordSuccesses(c, outcomes);
            for (Outcome o : outcomes) {
                if (o.succeeded()) {
                    continue;
                }
                // Each alone: one bad row (its subscription deleted meanwhile) must not undo the rest.
                Exception failed = Sql.alone(c, () -> record(c, o));
                if (failed instanceof RuntimeException unexpected) {
                    throw unexpected;
                }
                if (failed != null) {
                    LOG.warn("could not record the outcome of delivery {}", o.delivery().deliveryId(), failed);
                }
            }
            return null;
        });
        return claimed.size();
    }

    /** Runs {@link #runDue} until nothing is due (tests). */
    public int drain() {
        int total = 0;
        for (int n = runDue(); n > 0; n = runDue()) {
            total += n;
        }
        return total;
    }

    private Outcome attempt(DeliveryRepository.Claimed d) {
        Instant started = clock.instant();
        if (started.isAfter(d.eventCreatedAt().plus(RetrySchedule.KEEP_TRYING))) {
            return new Outcome(d, started, null, 0, null, null, null, true);
        }
        return post(d, started);
    }

    /** The common case in two batched statements, plus one failure-count reset per subscription. */
    private void recordSuccesses(java.sql.Connection c, List<Outcome> outcomes) throws java.sql.SQLException {
        List<DeliveryRepository.Claimed> done = new ArrayList<>();
        List<DeliveryAttempt> attempts = new ArrayList<>();
        java.util.Set<String> subs = new java.util.HashSet<>();
        for (Outcome o : outcomes) {
            if (o.succeeded()) {
                done.add(o.delivery());
                attempts.add(new DeliveryAttempt(0, o.delivery().eventId(), o.delivery().eventType(), o.at(),
                        o.status(), o.latencyMs(), o.error(), o.body()));
                subs.add(o.delivery().subscriptionId());
            }
        }
        if (done.isEmpty()) {
            return;
        }
        deliveries.deliveredAll(c, done, attempts, clock.instant());
        for (String sub : subs) {
            subscriptions.succeeded(c, sub);
        }
    }

    private void record(java.sql.Connection c, Outcome outcome) throws java.sql.SQLException {
        DeliveryRepository.Claimed d = outcome.delivery;
        Instant now = clock.instant();
        if (outcome.expired) {
            deliveries.expire(c, d.deliveryId(), now);
            return;
        }
        deliveries.logAttempt(c, d.deliveryId(), d, outcome.at, outcome.status, outcome.latencyMs, outcome.error,
                outcome.body);
        if (outcome.status != null && outcome.status >= 200 && outcome.status < 300) {
            deliveries.delivered(c, d.deliveryId(), now);
            subscriptions.succeeded(c, d.subscriptionId());
            return;
        }
        Instant next = RetrySchedule.next(now, d.attempts() + 1, outcome.retryAfter);
        deliveries.retryAt(c, d.deliveryId(), next);
        if (next.isAfter(d.eventCreatedAt().plus(RetrySchedule.KEEP_TRYING))) {
            deliveries.expire(c, d.deliveryId(), now);
        }
        int failures = subscriptions.failed(c, d.subscriptionId());
        if (outcome.status != null && outcome.status == 410) {
            subscriptions.disable(c, d.subscriptionId(), "the endpoint answered 410 Gone", now);
        } else if (failures >= AUTO_DISABLE_AFTER) {
            subscriptions.disable(c, d.subscriptionId(), AUTO_DISABLE_AFTER + " consecutive failed attempts; "
                    + "last: " + outcome.describe(), now);
        }
    }

    private record Outcome(DeliveryRepository.Claimed delivery, Instant at, Integer status, int latencyMs, String error,
                           String body, String retryAfter, boolean expired) {
        boolean succeeded() {
            return !expired && status != null && status >= 200 && status < 300;
        }

        String describe() {
            return status != null ? "HTTP " + status : error;
        }
    }

    private Outcome post(DeliveryRepository.Claimed d, Instant at) {
        long t0 = System.nanoTime();
        String refusal = guard.refusal(d.callbackUrl());
        if (refusal != null) {
            return new Outcome(d, at, null, 0, "callback URL refused: " + refusal, null, null, false);
        }
        String timestamp = TIMESTAMP.format(at);
        String secret;
        try {
            secret = secrets.open(d.sealedSecret());
        } catch (IllegalStateException e) {
            return new Outcome(d, at, null, 0, "the signing secret cannot be decrypted with this server's master key",
                    null, null, false);
        }
        MenuAttachment.Body sent;
        if (d.attachment() == null) {
            sent = new MenuAttachment.Body(d.payload().getBytes(StandardCharsets.UTF_8), false,
                    WebhookSignature.sign(secret, timestamp, d.payload()));
        } else {
            try {
                sent = MenuAttachment.render(d.payload(), d.attachment(), attachments,
                        WebhookSignature.signer(secret, timestamp));
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not put the attachment of event {} into its body", d.eventId(), e);
                sent = null;
            }
            if (sent == null) {
                return new Outcome(d, at, null, 0, "the menu revision of this event could not be read", null, null,
                        false);
            }
        }
        String signature = sent.signature();
        Request.Builder request = new Request.Builder().url(d.callbackUrl())
                .post(RequestBody.create(sent.bytes(), JSON))
                .header("User-Agent", "Brigade-Webhooks/1")
                .header("X-Flipdish-Event-Type", d.eventType())
                .header("X-Flipdish-Event-Version", EventTypes.version(d.eventType()))
                .header("X-Flipdish-Timestamp", timestamp)
                .header(WebhookSignature.HEADER, signature)
                .header("X-Flipdish-Idempotency-Key", d.eventId());
        if (sent.gzip()) {
            request.header("Content-Encoding", "gzip");
        }
        if (Subscription.BACK_OFFICE.equals(d.origin())) {
            request.header("X-FoodFlex-Signature", signature);
        }
        try (Response response = http.execute(request.build())) {
            String body = response.peekBody(MAX_LOGGED_BODY).string();
            int latency = (int) ((System.nanoTime() - t0) / 1_000_000);
            String error = response.isSuccessful() ? null
                    : response.isRedirect() ? "redirect to " + response.header("Location") + " not followed" : null;
            return new Outcome(d, at, response.code(), latency, error, body, response.header("Retry-After"), false);
        } catch (IOException | IllegalArgumentException e) {
            int latency = (int) ((System.nanoTime() - t0) / 1_000_000);
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Outcome(d, at, null, latency, message.length() > 500 ? message.substring(0, 500) : message,
                    null, null, false);
        }
    }

    /** Stops polling and waits for attempts under way (they are short: 10 s at most). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        hint();
        if (loop != null) {
            loop.join(15_000);
        }
        workers.shutdown();
        workers.awaitTermination(15, TimeUnit.SECONDS);
        http.close();
    }
}
