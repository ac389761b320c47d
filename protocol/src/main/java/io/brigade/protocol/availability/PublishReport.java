package io.brigade.protocol.availability;

import java.time.Instant;

/** The answer to {@code menu-publish-status}: the report as stored, with when it arrived. */
public record PublishReport(String menuPublishId, boolean success, String errorMessage, Instant reportedAt) {
}
