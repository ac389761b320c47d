package io.brigade.desktop.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.local.OutboxRepository.NewEvent;
import io.brigade.protocol.Json;
import io.brigade.protocol.analytics.AnalyticsEvent;
import io.brigade.protocol.analytics.AnalyticsEventType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records what the cashier does as analytics events, queued in the outbox off the FX thread. */
public final class EventRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private final OutboxRepository outbox;
    private final TerminalSettings settings;
    private final Clock clock;
    private final Executor writer;
    private volatile String menuId;
    private volatile String menuRevisionId;

    public EventRecorder(OutboxRepository outbox, TerminalSettings settings, Clock clock, Executor writer) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.writer = writer;
    }

    /** The menu the following events are about. */
    public void menu(String menuId, long revisionId) {
        this.menuId = menuId;
        this.menuRevisionId = Long.toString(revisionId);
    }

    /** Queues an item-level event; it is best effort and never disturbs the cashier. */
    public void record(AnalyticsEventType type, String menuItemId, String modifierItemId, Integer quantity,
                       BigDecimal amount, String staffId) {
        NewEvent event = event(type, menuItemId, modifierItemId, quantity, amount, null, staffId);
        writer.execute(() -> {
            try {
                outbox.appendEvents(List.of(event));
            } catch (RuntimeException e) {
                LOG.warn("analytics event not queued", e);
            }
        });
    }

    /** The {@code order_placed} event, to be stored in the sale's own transaction. */
    public NewEvent orderPlaced(UUID saleKey, BigDecimal amount, String staffId) {
        return event(AnalyticsEventType.ORDER_PLACED, null, null, null, amount, saleKey.toString(), staffId);
    }

    private NewEvent event(AnalyticsEventType type, String menuItemId, String modifierItemId, Integer quantity,
                           BigDecimal amount, String saleKey, String staffId) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        AnalyticsEvent e = new AnalyticsEvent(id.toString(), type, now, settings.propertyId(),
                settings.salesChannelId(), menuId, menuRevisionId, menuItemId, modifierItemId, quantity, amount,
                saleKey, staffId);
        try {
            return new NewEvent(id, Json.mapper().writeValueAsString(e), now);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write analytics event", ex);
        }
    }
}
