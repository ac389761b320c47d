package io.brigade.server.analytics;

import io.brigade.protocol.org.SalesChannel;
import io.brigade.server.org.OrgRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Time zones of properties and the property of each channel, for business dates and local hours on
 * the write path. Cached per node: a property's zone and a channel's property do not change in
 * this server (no endpoint edits them), and the write path must not add a query per sale.
 */
final class PropertyDirectory {
    private static final int MAX_CACHED = 10_000;
    private final OrgRepository orgs;
    private final ConcurrentHashMap<String, ZoneId> zones = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> propertyOfChannel = new ConcurrentHashMap<>();

    PropertyDirectory(OrgRepository orgs) {
        this.orgs = orgs;
    }

    /** The property's zone, or UTC when the org has no such property (an event naming an unknown one). */
    ZoneId zone(Connection c, String orgId, String propertyId) throws SQLException {
        if (propertyId == null || propertyId.isEmpty()) {
            return java.time.ZoneOffset.UTC;
        }
        String key = orgId + '\n' + propertyId;
        ZoneId cached = zones.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<String> zone = orgs.timeZone(c, orgId, propertyId);
        if (zone.isEmpty()) {
            return java.time.ZoneOffset.UTC;
        }
        ZoneId id = ZoneId.of(zone.get());
        if (zones.size() >= MAX_CACHED) {
            zones.clear();
        }
        zones.put(key, id);
        return id;
    }

    /** The property a channel of this org belongs to, if the channel exists. */
    Optional<String> propertyOf(Connection c, String orgId, String salesChannelId) throws SQLException {
        String key = orgId + '\n' + salesChannelId;
        String cached = propertyOfChannel.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> property = orgs.findChannel(c, orgId, salesChannelId).map(SalesChannel::propertyId);
        if (property.isPresent()) {
            if (propertyOfChannel.size() >= MAX_CACHED) {
                propertyOfChannel.clear();
            }
            propertyOfChannel.put(key, property.get());
        }
        return property;
    }
}
