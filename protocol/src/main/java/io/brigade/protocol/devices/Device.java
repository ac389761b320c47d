package io.brigade.protocol.devices;

import java.time.Instant;

/** A device of the store as the back office lists it: never its credential. */
public record Device(String deviceId, String propertyId, String name, DeviceRole role, String displayPrefix,
                     Instant pairedAt, Instant lastSeenAt, Instant revokedAt) {
}
