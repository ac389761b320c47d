package io.brigade.protocol.menus;

import java.time.Instant;

/** An immutable, numbered snapshot of a menu. */
public record MenuRevision(String menuId, long revisionId, Instant createdAt, MenuContent menu) {
}
