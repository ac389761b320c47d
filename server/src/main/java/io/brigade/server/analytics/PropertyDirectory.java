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
 * the write path. Cached per node, as the write path must not add a query per sale: a channel's property never
 * changes; a property's zone may (a property update), so a cached zone is kept for a minute at most, and this
 * node forgets it at once when the update was made here ({@link Analytics#propertyChanged}).
 */
final class PropertyDirectory {
    private static final int MAX_CACHED = 10_000;
    private final OrgRepository orgs;
    private static final long ZONE_TTL_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
    private final ConcurrentHashMap<String, CachedZone> zones = new ConcurrentHashMap<>();
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
        CachedZone cached = zones.get(key);
        if (cached != null && System.nanoTime() - cached.loadedAt() < ZONE_TTL_NANOS) {
            return cached.zone();
        }
        Optional<String> zone = orgs.timeZone(c, orgId, propertyId);
        if (zone.isEmpty()) {
            return java.time.ZoneOffset.UTC;
        }
        ZoneId id = ZoneId.of(zone.get());
        if (zones.size() >= MAX_CACHED) {
            zones.clear();
        }
        zones.put(key, new CachedZone(id, System.nanoTime()));
        return id;
    }

    /** Drops the cached zone of a property that was just changed. */
    void forget(String orgId, String propertyId) {
        zones.remove(orgId + '\n' + propertyId);
    }

    private record CachedZone(ZoneId zone, long loadedAt) {
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
