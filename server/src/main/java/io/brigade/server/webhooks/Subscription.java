package io.brigade.server.webhooks;

import java.time.Instant;
import java.util.List;

/** A stored webhook subscription (the sealed secret stays inside the server). */
public record Subscription(String subscriptionId, String orgId, String callbackUrl, String sealedSecret,
                           List<String> eventTypes, List<String> propertyIds, String origin, boolean enabled,
                           String disabledReason, Instant disabledAt, int consecutiveFailures, Instant createdAt,
                           Instant updatedAt) {
    /** Made through the v3 Webhook Service API with a caller-supplied secret. */
    public static final String V3 = "v3";
    /** Made in the back office with a generated secret; also signed with X-FoodFlex-Signature. */
    public static final String BACK_OFFICE = "backoffice";

    public boolean wants(String eventType, String propertyId) {
        return eventTypes.contains(eventType)
                && (propertyIds == null || propertyIds.isEmpty() || propertyIds.contains(propertyId));
    }
}
