package io.brigade.desktop.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.desktop.client.PushOutcome;
import io.brigade.desktop.client.ServerClient;
import io.brigade.desktop.local.MenuCache;
import io.brigade.desktop.local.OutboxEntry.Kind;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.OutboxRepository;
import io.brigade.desktop.local.SnoozeCache;
import io.brigade.desktop.local.StaffRepository;
import io.brigade.protocol.Json;
import io.brigade.protocol.analytics.AnalyticsEvent;
import io.brigade.protocol.analytics.AnalyticsEventBatch;
import io.brigade.protocol.sales.CancelSale;
import io.brigade.protocol.staff.StaffCredential;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that talks to the server: it drains the outbox oldest first, backs off while the
 * network is down, parks what the server refuses, and refreshes the cached menu, snoozes and staff between sends.
 */
public final class SyncWorker implements AutoCloseable {
    /** True once the status bar has heard that a manager revoked this device. */
    private volatile boolean revocationShown;
    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);
    private static final int EVENT_BATCH = 200;
    // A till is usually on the same LAN as its server: a short ceiling gets sales moving soon after an outage.
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration EVENT_FLUSH = Duration.ofSeconds(5);
    private static final Duration STATUS_EVERY = Duration.ofMillis(500);
    private final OutboxRepository outbox;
    private final ServerClient client;
    private final MenuCache menus;
    private final SnoozeCache snoozes;
    private final StaffRepository staff;
    private List<StaffCredential> lastStaff = List.of();
    private final Clock clock;
    private final Duration menuRefresh;
    private final Consumer<SyncStatus> listener;
    private final ObjectMapper mapper = Json.mapper();
    private final Object wake = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean online;
    private volatile String lastError;
    private Duration backoff = Duration.ofMillis(500);
    private Duration askedToWait;
    private Instant nextMenuCheck = Instant.MIN;
    private Instant nextEventFlush = Instant.MIN;
    private Instant nextStatus = Instant.MIN;
    private volatile boolean statusDirty = true;
    private volatile Instant lastSync;
    private volatile java.util.function.BiConsumer<String, String> checkAnswers = (queued, body) -> { };
    private volatile java.util.function.BiConsumer<String, String> checkRefusals = (queued, reason) -> { };

    public SyncWorker(OutboxRepository outbox, ServerClient client, MenuCache menus, SnoozeCache snoozes,
                      StaffRepository staff, Clock clock, Duration menuRefresh, Consumer<SyncStatus> listener) {
        this.outbox = outbox;
        this.snoozes = snoozes;
        this.staff = staff;
        this.client = client;
        this.menus = menus;
        this.clock = clock;
        this.menuRefresh = menuRefresh;
        this.listener = listener;
        this.thread = new Thread(this::run, "outbox-sync");
        this.thread.setDaemon(true);
    }

    /** Something else read from the server with the menu (the store's settings and printers). */
    @FunctionalInterface
    public interface Refresh {
        void run() throws IOException;
    }

    private final List<Refresh> extras = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Reads {@code refresh} with every menu refresh, before the worker starts. */
    public SyncWorker alsoRefresh(Refresh refresh) {
        extras.add(refresh);
        return this;
    }

    public SyncWorker start() {
        thread.start();
        return this;
    }

    /** Something was added to the outbox: send it now rather than at the next poll. */
    public void nudge() {
        statusDirty = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void run() {
        lastSync = outbox.lastSentAt().orElse(null);
        while (running) {
            try {
                refreshMenuIfDue();
                Optional<OutboxEntry> head = outbox.nextSaleOrCancel();
                boolean ok = head.isEmpty() || send(List.of(head.get()));
                Instant now = clock.instant();
                // Events ride apart from sales: with no sale waiting, or every few seconds during a backlog.
                if (ok && (head.isEmpty() || !now.isBefore(nextEventFlush))) {
                    nextEventFlush = now.plus(EVENT_FLUSH);
                    List<OutboxEntry> events = outbox.nextEvents(EVENT_BATCH);
                    ok = events.isEmpty() || send(events);
                    // During a backlog, catch up with the events that piled up since the last flush.
                    for (int extra = 0; ok && extra < 4 && events.size() == EVENT_BATCH; extra++) {
                        List<OutboxEntry> more = outbox.nextEvents(EVENT_BATCH);
                        ok = more.isEmpty() || send(more);
                        events = more;
                    }
                    if (ok && head.isEmpty() && events.isEmpty()) {
                        reportOutboxIfDue(now);
                        publishIfDue(true);
                        pause(Duration.ofSeconds(2));
                        continue;
                    }
                }
                if (ok) {
                    reportOutboxIfDue(now);
                    backoff = Duration.ofMillis(500);
                } else if (askedToWait != null) {
                    publishIfDue(true);
                    pause(askedToWait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : askedToWait);
                    askedToWait = null;
                } else {
                    publishIfDue(true);
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            } catch (RuntimeException e) {
                // The local database failing is not a reason to stop syncing forever; log and try again.
                LOG.warn("sync loop failed", e);
                lastError = e.getMessage();
                pause(Duration.ofSeconds(2));
            }
            publishIfDue(false);
        }
    }

    private Instant nextOutboxReport = Instant.MIN;
    private int lastOutboxReport = -1;

    /**
     * Tells the store server how many sales this till still holds (waiting or needing attention), when that
     * changed or every half minute, so that a Z report names the till instead of missing its sales silently.
     */
    private void reportOutboxIfDue(Instant now) {
        int waiting = outbox.pendingSales() + outbox.parkedCount();
        if (waiting == lastOutboxReport && now.isBefore(nextOutboxReport)) {
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode body = mapper.createObjectNode()
                .put("terminal", client.terminalName()).put("pendingSales", waiting);
        outbox.oldestPendingSale().ifPresent(at -> body.put("oldestAt", at.toString()));
        PushOutcome answer = client.postJson(body.toString(), client.store("outbox"));
        if (!(answer instanceof PushOutcome.Retry)) {
            lastOutboxReport = waiting;
            nextOutboxReport = now.plus(Duration.ofSeconds(30));
        }
    }

    /** Sends one outbox step; false means "could not reach the server, back off". */
    boolean send(List<OutboxEntry> entries) {
        OutboxEntry head = entries.get(0);
        PushOutcome outcome = switch (head.kind()) {
            case SALE -> client.pushSale(head.id(), head.payload());
            case CANCEL -> cancel(head);
            case EVENT -> client.postEvents(new AnalyticsEventBatch(events(entries)));
            case CHECK -> checkOperation(head);
            case MONEY -> money(head);
        };
        List<UUID> ids = entries.stream().map(OutboxEntry::id).toList();
        if (outcome instanceof PushOutcome.Accepted accepted) {
            Instant at = clock.instant();
            outbox.markSent(ids, head.kind() == Kind.SALE ? saleId(accepted.body()) : null, at);
            if (head.kind() == Kind.CHECK) {
                checkAnswers.accept(head.payload(), accepted.body());
            }
            lastSync = at;
            statusDirty = true;
            markOnline(true, null);
            return true;
        }
        if (outcome instanceof PushOutcome.Rejected rejected) {
            outbox.park(ids, "HTTP " + rejected.status() + ": " + rejected.reason());
            if (head.kind() == Kind.CHECK) {
                checkRefusals.accept(head.payload(), rejected.reason());
            }
            statusDirty = true;
            markOnline(true, null);
            return true;
        }
        PushOutcome.Retry retry = (PushOutcome.Retry) outcome;
        outbox.recordAttempt(head.id(), retry.reason());
        // A server that asks for a moment (its answer has Retry-After) is there: only no answer is offline.
        markOnline(retry.after() != null, retry.reason());
        askedToWait = retry.after();
        return false;
    }

    /**
     * Where the store server's answers to check operations go (the till's copy of its checks): the operation as
     * queued, and the check after it.
     */
    public void onCheckAnswer(java.util.function.BiConsumer<String, String> answers) {
        this.checkAnswers = answers;
    }

    /** Where the store server's refusals of check operations go: the operation as queued, and the store's reason. */
    public void onCheckRefusal(java.util.function.BiConsumer<String, String> refusals) {
        this.checkRefusals = refusals;
    }

    private PushOutcome checkOperation(OutboxEntry entry) {
        try {
            JsonNode queued = mapper.readTree(entry.payload());
            return client.checkOperation(queued.get("checkId").asText(), mapper.writeValueAsString(
                    queued.get("operation")));
        } catch (IOException | RuntimeException e) {
            return new PushOutcome.Rejected(0, "unreadable check operation: " + e.getMessage());
        }
    }

    /** A shift's step: the call stored in the row ({@code path} segments and {@code body}), sent as it is. */
    private PushOutcome money(OutboxEntry step) {
        try {
            JsonNode row = mapper.readTree(step.payload());
            List<String> path = new ArrayList<>();
            row.get("path").forEach(p -> path.add(p.asText()));
            return client.postJson(mapper.writeValueAsString(row.get("body")), path.toArray(String[]::new));
        } catch (IOException | RuntimeException e) {
            return new PushOutcome.Rejected(0, "unreadable shift step: " + e.getMessage());
        }
    }

    private PushOutcome cancel(OutboxEntry cancel) {
        OutboxEntry sale = outbox.find(cancel.saleRef()).orElse(null);
        if (sale == null || sale.serverSaleId() == null) {
            return new PushOutcome.Rejected(0, "the sale this cancels never reached the server");
        }
        CancelSale body;
        try {
            body = mapper.readValue(cancel.payload(), CancelSale.class);
        } catch (IOException e) {
            return new PushOutcome.Rejected(0, "unreadable cancellation: " + e.getMessage());
        }
        PushOutcome outcome = client.cancelSale(sale.serverSaleId(), body);
        if (outcome instanceof PushOutcome.Rejected r && r.status() == 409) {
            // Sent before, answer lost: the server already holds it cancelled, which is what we wanted.
            PushOutcome current = client.sale(sale.serverSaleId());
            if (current instanceof PushOutcome.Accepted a && a.body().contains("\"SALE_CANCELLED\"")) {
                return a;
            }
        }
        return outcome;
    }

    private List<AnalyticsEvent> events(List<OutboxEntry> entries) {
        List<AnalyticsEvent> out = new ArrayList<>();
        for (OutboxEntry e : entries) {
            try {
                out.add(mapper.readValue(e.payload(), AnalyticsEvent.class));
            } catch (IOException ex) {
                throw new IllegalStateException("unreadable event " + e.id(), ex);
            }
        }
        return out;
    }

    private String saleId(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node.hasNonNull("saleId") ? node.get("saleId").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void refreshMenuIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextMenuCheck)) {
            return;
        }
        nextMenuCheck = now.plus(menuRefresh);
        try {
            // Staff first: a till that has its menu has its staff too, so sign-in works once the menu shows.
            refreshStaff();
            Optional<MenuCache.Header> cached = menus.header();
            client.publishedMenu(cached.map(MenuCache.Header::menuId).orElse(null),
                    cached.map(MenuCache.Header::revisionId).orElse(0L)).ifPresent(menus::storeAnswer);
            // Snoozes ride with the menu refresh: a snoozed item greys out within one refresh interval.
            client.snoozes().ifPresent(snoozes::store);
            for (Refresh extra : extras) {
                extra.run();
            }
            markOnline(true, null);
        } catch (IOException e) {
            markOnline(false, e.getMessage());
        }
    }

    private void refreshStaff() throws IOException {
        List<StaffCredential> fetched = client.staffCredentials();
        // An empty answer (a server without staff yet, or one that refused) never locks everyone out.
        if (!fetched.isEmpty() && !fetched.equals(lastStaff)) {
            staff.replaceAll(fetched);
            lastStaff = fetched;
        }
    }

    private void markOnline(boolean reachable, String error) {
        if (!revocationShown && client.revocation().isPresent()) {
            revocationShown = true;
            statusDirty = true;
        }
        if (reachable && !online) {
            nextMenuCheck = Instant.MIN; // back online: pick up any menu published meanwhile
        }
        if (reachable != online) {
            statusDirty = true;
        }
        online = reachable;
        lastError = error;
    }

    private void pause(Duration d) {
        synchronized (wake) {
            try {
                wake.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /**
     * Reports the status when something changed, at most every {@link #STATUS_EVERY} during a drain: the
     * counts are queries over the outbox, and a backlog of thousands must not slow every send (or Pay).
     */
    private void publishIfDue(boolean force) {
        Instant now = clock.instant();
        if (force || (statusDirty && !now.isBefore(nextStatus))) {
            nextStatus = now.plus(STATUS_EVERY);
            statusDirty = false;
            publish();
        }
    }

    /** Reports the current status to the listener. */
    public void publish() {
        try {
            listener.accept(new SyncStatus(online, outbox.pendingSales(), outbox.parkedCount(), lastSync, lastError,
                    client.revocation().orElse(null)));
        } catch (RuntimeException e) {
            LOG.debug("status not published", e);
        }
    }

    /** Stops after the step under way; unsent rows stay in the outbox for the next start. */
    @Override
    public void close() {
        running = false;
        // No interrupt: H2 closes its file when a thread is interrupted inside I/O.
        nudge();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
