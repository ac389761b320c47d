package io.brigade.protocol.menus;

import java.time.Instant;
import java.util.List;

/** One menu in the back office: its revisions (oldest first) and the channels it is published to now. */
public record MenuSummary(String menuId, String name, String currency, Long latestRevisionId, Instant updatedAt,
                          List<RevisionSummary> revisions, List<Publication> publications) {
}
