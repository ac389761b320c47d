package io.brigade.protocol.menus;

import java.time.Instant;

/** One revision published to one sales channel. */
public record Publication(String menuPublishId, String menuId, long menuRevisionId, String salesChannelId,
                          Instant publishedAt) {
}
