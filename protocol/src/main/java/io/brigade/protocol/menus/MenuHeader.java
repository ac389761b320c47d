package io.brigade.protocol.menus;

import java.time.Instant;
import java.util.List;

/** The lightweight view of a menu: no items. */
public record MenuHeader(String menuId, String name, String currency, Long latestRevisionId,
                         Long publishedRevisionId, List<String> publishedSalesChannelIds, Instant updatedAt) {
}
