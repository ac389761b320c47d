package io.brigade.protocol.menus;

import io.brigade.protocol.org.SalesChannel;
import java.util.List;

/** The back office's menu list: every menu with its revisions and current publications, and the org's channels. */
public record MenuOverview(List<MenuSummary> menus, List<SalesChannel> salesChannels) {
}
