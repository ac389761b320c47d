package io.brigade.protocol.availability;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What is snoozed on a sales channel now: the answer of the back office's snooze read and of every operations
 * update. {@code store} is the whole channel's snooze (left out when there is none), {@code items} the items'.
 * A till checks expiries against its own clock, so a timed snooze ends on time while the server is out of reach.
 */
public record ChannelSnoozes(String salesChannelId, Boolean storeSnoozed, Snooze store, List<Snooze> items) {
    /** Nothing snoozed: what a till starts from before its first read. */
    public static final ChannelSnoozes NONE = new ChannelSnoozes(null, false, null, List.of());

    /** The item's snooze in force at {@code t}, if any. */
    public Optional<Snooze> item(String menuItemId, Instant t) {
        return items == null ? Optional.empty() : items.stream()
                .filter(e -> menuItemId.equals(e.menuItemId()) && e.covers(t)).findFirst();
    }

    /** The whole channel's snooze in force at {@code t}, if any. */
    public Optional<Snooze> channel(Instant t) {
        return Boolean.TRUE.equals(storeSnoozed) && store != null && store.covers(t) ? Optional.of(store)
                : Optional.empty();
    }

    /** The ids of the items snoozed at {@code t}. */
    public Set<String> itemsAt(Instant t) {
        Set<String> out = new HashSet<>();
        if (items != null) {
            items.stream().filter(e -> e.menuItemId() != null && e.covers(t)).forEach(e -> out.add(e.menuItemId()));
        }
        return out;
    }
}
