package io.brigade.protocol.availability;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An item (or, with a null {@code menuItemId}, the whole channel) that cannot be sold now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Snooze(String salesChannelId, String menuItemId, Instant snoozedAt, Instant expiry, String actor) {

    /** True when the snooze covers {@code t}: started at or before it and not yet expired. */
    public boolean covers(Instant t) {
        return snoozedAt != null && !snoozedAt.isAfter(t) && (expiry == null || expiry.isAfter(t));
    }
}
