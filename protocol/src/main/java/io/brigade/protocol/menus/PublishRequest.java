package io.brigade.protocol.menus;

import java.util.List;

/** Body of the publish call: the sales channels that get the revision. */
public record PublishRequest(List<String> salesChannelIds) {
}
