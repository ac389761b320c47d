package io.brigade.protocol.analytics;

import java.util.List;

/** Body of {@code POST /analytics/orgs/{orgId}/events}. */
public record AnalyticsEventBatch(List<AnalyticsEvent> events) {
}
