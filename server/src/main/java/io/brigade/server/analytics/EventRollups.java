package io.brigade.server.analytics;

import io.brigade.protocol.analytics.AnalyticsEvent;
import io.brigade.protocol.analytics.AnalyticsEventType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts stored client events into {@code analytics_events_day}, in the transaction that stored them.
 * An {@code order_placed} counts only if it is the first for its sale key: the till sends one and the
 * server records one for the same sale, and the funnel must count that order once.
 */
public final class EventRollups {
    private final AnalyticsRollupRepository rollups;
    private final PropertyDirectory properties;

    EventRollups(AnalyticsRollupRepository rollups, PropertyDirectory properties) {
        this.rollups = rollups;
        this.properties = properties;
    }

    private record Key(LocalDate date, String propertyId, String channelId, String type, String itemId,
                       String modifierId) implements Comparable<Key> {
        private static final java.util.Comparator<Key> ORDER = java.util.Comparator.comparing(Key::date)
                .thenComparing(Key::propertyId).thenComparing(Key::channelId).thenComparing(Key::type)
                .thenComparing(Key::itemId).thenComparing(Key::modifierId);

        // Field by field: comparing toString() built two strings per comparison (seen in the import's profile).
        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    /** Whether an order_placed event is the first for its sale key (and so counts). */
    private interface Claim {
        boolean first(AnalyticsEvent orderPlaced) throws SQLException;
    }

    /** Counts events that were just stored for the first time. */
    void count(Connection c, String orgId, List<AnalyticsEvent> stored) throws SQLException {
        count(c, orgId, stored, e -> rollups.claimOrderKey(c, orgId, e.saleKey(), e.eventId()));
    }

    /**
     * Claims the sale keys of the server's order_placed events of new sales (live or imported) in one batch;
     * returns the ids of those that are the first for their key, which {@link #countOrdersPlaced} counts.
     */
    java.util.Set<String> claimOrdersPlaced(Connection c, String orgId, List<AnalyticsEvent> orderPlaced)
            throws SQLException {
        return rollups.claimOrderKeys(c, orgId, orderPlaced);
    }

    /** Counts the order_placed events whose ids {@link #claimOrdersPlaced} returned. */
    void countOrdersPlaced(Connection c, String orgId, List<AnalyticsEvent> orderPlaced, java.util.Set<String> first)
            throws SQLException {
        count(c, orgId, orderPlaced, e -> first.contains(e.eventId()));
    }

    private void count(Connection c, String orgId, List<AnalyticsEvent> stored, Claim claim) throws SQLException {
        // Summed per key first, and written in key order so concurrent batches lock rows in the same order.
        Map<Key, long[]> counts = new TreeMap<>();
        for (AnalyticsEvent e : stored) {
            if (e.type() == AnalyticsEventType.ORDER_PLACED && !claim.first(e)) {
                continue;
            }
            String propertyId = e.propertyId();
            if ((propertyId == null || propertyId.isBlank()) && e.salesChannelId() != null) {
                propertyId = properties.propertyOf(c, orgId, e.salesChannelId()).orElse(null);
            }
            LocalDate date = LocalDate.ofInstant(e.occurredAt(), properties.zone(c, orgId, propertyId));
            // Selections are counted per option only (the views read them so), which keeps the table to
            // items + options rows per day and channel instead of items x options.
            boolean selection = e.type() == AnalyticsEventType.OPTION_SELECTED
                    || e.type() == AnalyticsEventType.ADDON_SELECTED;
            Key key = new Key(date, orEmpty(propertyId), orEmpty(e.salesChannelId()), e.type().name(),
                    selection ? "" : orEmpty(e.menuItemId()), orEmpty(e.modifierItemId()));
            long[] sum = counts.computeIfAbsent(key, k -> new long[2]);
            sum[0]++;
            sum[1] += e.quantity() == null ? 1 : e.quantity();
        }
        for (Map.Entry<Key, long[]> entry : counts.entrySet()) {
            Key k = entry.getKey();
            rollups.addEvents(c, orgId, k.date(), k.propertyId(), k.channelId(), k.type(), k.itemId(),
                    k.modifierId(), entry.getValue()[0], entry.getValue()[1]);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
