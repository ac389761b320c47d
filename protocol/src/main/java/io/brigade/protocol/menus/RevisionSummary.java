package io.brigade.protocol.menus;

import java.time.Instant;

/** A revision's number and when it was made, without its content. */
public record RevisionSummary(long revisionId, Instant createdAt) {
}
