package io.brigade.protocol.analytics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One analytics event recorded by a client. {@code eventId} is chosen by the client (a UUID) so that a
 * batch sent twice is stored once. {@code saleKey} ties {@code order_placed} to the idempotency key the
 * sale was pushed with; {@code modifierItemId} names the option or add-on of the two selection events.
 * {@code sessionId} (optional) groups the events of one ordering session.
 */
public record AnalyticsEvent(String eventId, AnalyticsEventType type, Instant occurredAt, String propertyId,
                             String salesChannelId, String menuId, String menuRevisionId, String menuItemId,
                             String modifierItemId, Integer quantity, BigDecimal amount, String saleKey,
                             String staffId, String sessionId) {

    /** An event without a session id (the till before sessions existed). */
    public AnalyticsEvent(String eventId, AnalyticsEventType type, Instant occurredAt, String propertyId,
                          String salesChannelId, String menuId, String menuRevisionId, String menuItemId,
                          String modifierItemId, Integer quantity, BigDecimal amount, String saleKey,
                          String staffId) {
        this(eventId, type, occurredAt, propertyId, salesChannelId, menuId, menuRevisionId, menuItemId,
                modifierItemId, quantity, amount, saleKey, staffId, null);
    }
}
