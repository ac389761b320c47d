package io.brigade.desktop.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brigade.desktop.menu.MenuCache;
import io.brigade.desktop.sync.OutboxEntry.Kind;
import io.brigade.protocol.Json;
import io.brigade.protocol.analytics.AnalyticsEvent;
import io.brigade.protocol.analytics.AnalyticsEventBatch;
import io.brigade.protocol.sales.CancelSale;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that talks to the server: it drains the outbox oldest first, backs off while the
 * network is down, parks what the server refuses, and refreshes the cached menu between sends.
 */
public final class SyncWorker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SyncWorker.class.getName());
    private static final int EVENT_BATCH = 200;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private final OutboxRepository outbox;
    private final ServerClient client;
    private final MenuCache menus;
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
    private Instant nextMenuCheck = Instant.MIN;

    public SyncWorker(OutboxRepository outbox, ServerClient client, MenuCache menus, Clock clock,
                      Duration menuRefresh, Consumer<SyncStatus> listener) {
        this.outbox = outbox;
        this.client = client;
        this.menus = menus;
        this.clock = clock;
        this.menuRefresh = menuRefresh;
        this.listener = listener;
        this.thread = new Thread(this::run, "outbox-sync");
        this.thread.setDaemon(true);
    }

    public SyncWorker start() {
        thread.start();
        return this;
    }

    /** Something was added to the outbox: send it now rather than at the next poll. */
    public void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
        publish();
    }

    private void run() {
        while (running) {
            try {
                refreshMenuIfDue();
                List<OutboxEntry> next = outbox.nextToSend(EVENT_BATCH);
                if (next.isEmpty()) {
                    publish();
                    pause(Duration.ofSeconds(2));
                    continue;
                }
                if (send(next)) {
                    backoff = Duration.ofMillis(500);
                } else {
                    pause(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            } catch (RuntimeException e) {
                // The local database failing is not a reason to stop syncing forever; log and try again.
                LOG.log(Level.WARNING, "sync loop failed", e);
                lastError = e.getMessage();
                pause(Duration.ofSeconds(2));
            }
            publish();
        }
    }

    /** Sends one outbox step; false means "could not reach the server, back off". */
    boolean send(List<OutboxEntry> entries) {
        OutboxEntry head = entries.get(0);
        PushOutcome outcome = switch (head.kind()) {
            case SALE -> client.pushSale(head.id(), head.payload());
            case CANCEL -> cancel(head);
            case EVENT -> client.postEvents(new AnalyticsEventBatch(events(entries)));
        };
        List<UUID> ids = entries.stream().map(OutboxEntry::id).toList();
        if (outcome instanceof PushOutcome.Accepted accepted) {
            outbox.markSent(ids, head.kind() == Kind.SALE ? saleId(accepted.body()) : null, clock.instant());
            markOnline(true, null);
            return true;
        }
        if (outcome instanceof PushOutcome.Rejected rejected) {
            outbox.park(ids, "HTTP " + rejected.status() + ": " + rejected.reason());
            markOnline(true, null);
            return true;
        }
        String reason = ((PushOutcome.Retry) outcome).reason();
        outbox.recordAttempt(head.id(), reason);
        markOnline(false, reason);
        return false;
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
            client.publishedMenu().ifPresent(menus::store);
            markOnline(true, null);
        } catch (IOException e) {
            markOnline(false, e.getMessage());
        }
    }

    private void markOnline(boolean reachable, String error) {
        if (reachable && !online) {
            nextMenuCheck = Instant.MIN; // back online: pick up any menu published meanwhile
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

    /** Reports the current status to the listener. */
    public void publish() {
        try {
            listener.accept(new SyncStatus(online, outbox.pendingSales(), outbox.parked().size(),
                    outbox.lastSentAt().orElse(null), lastError));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "status not published", e);
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
