package io.brigade.protocol.webhooks;

import java.util.List;

/** Body of a create or update: the v3 Webhook Service API's fields (the back office ignores {@code secret}). */
public record SubscriptionRequest(String callbackUrl, String secret, List<String> eventTypes, List<String> propertyIds,
                                  Boolean enabled) {
}
