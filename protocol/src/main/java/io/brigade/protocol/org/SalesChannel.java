package io.brigade.protocol.org;

import java.util.List;

/** Where orders flow through: one brand, one type, on one property. */
public record SalesChannel(String salesChannelId, String propertyId, String brandId, String name,
                           String salesChannelType, List<String> dispatchTypes) {
}
