package io.brigade.desktop.menu;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the server last said is snoozed on this terminal's sales channel (its
 * {@code GET /backoffice/v1/orgs/{orgId}/salesChannels/{id}/snoozes} answer). Expiries are checked against the
 * till's own clock, so a timed snooze ends on time even while the server is out of reach.
 */
public record ChannelSnoozes(String salesChannelId, Boolean storeSnoozed, Entry store, List<Entry> items) {
    /** Nothing snoozed: what a till starts from before its first read. */
    public static final ChannelSnoozes NONE = new ChannelSnoozes(null, false, null, List.of());

    /** One snooze: an item, or (in {@code store}) the whole channel. */
    public record Entry(String menuItemId, Instant snoozedAt, Instant expiry, String actor) {
        /** True while the snooze holds at {@code t}: started at or before it and not yet expired. */
        public boolean covers(Instant t) {
            return snoozedAt != null && !snoozedAt.isAfter(t) && (expiry == null || expiry.isAfter(t));
        }
    }

    /** The item's snooze in force at {@code t}, if any. */
    public Optional<Entry> item(String menuItemId, Instant t) {
        return items == null ? Optional.empty() : items.stream()
                .filter(e -> menuItemId.equals(e.menuItemId()) && e.covers(t)).findFirst();
    }

    /** The whole channel's snooze in force at {@code t}, if any. */
    public Optional<Entry> channel(Instant t) {
        return Boolean.TRUE.equals(storeSnoozed) && store != null && store.covers(t) ? Optional.of(store)
                : Optional.empty();
    }

    /** The ids of the items snoozed at {@code t}. */
    public java.util.Set<String> itemsAt(Instant t) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (items != null) {
            items.stream().filter(e -> e.menuItemId() != null && e.covers(t)).forEach(e -> out.add(e.menuItemId()));
        }
        return out;
    }
}
