package io.brigade.desktop.backoffice;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A webhook subscription as the back office shows it; {@code secret} is set only in the answer to a create
 * (the server generates it and never shows it again).
 */
public record WebhookSubscription(String subscriptionId, String callbackUrl, List<String> eventTypes,
                                  List<String> propertyIds, boolean enabled, String disabledReason,
                                  Instant disabledAt, int consecutiveFailures, Map<String, Integer> deliveries,
                                  Instant createdAt, Instant updatedAt, String secret) {

    /** "Active" or "Disabled: reason". */
    public String status() {
        return enabled ? "Active" : "Disabled" + (disabledReason == null ? "" : ": " + disabledReason);
    }
}
