package io.brigade.protocol.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A subscription as callers see it. The secret appears once, in the answer to a back-office create
 * ({@code secret} is null, and left out, everywhere else).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(String subscriptionId, String orgId, String callbackUrl, List<String> eventTypes,
                               List<String> propertyIds, boolean enabled, String disabledReason, Instant disabledAt,
                               int consecutiveFailures, Map<String, Integer> deliveries, Instant createdAt,
                               Instant updatedAt, String secret) {
}
