package io.brigade.protocol.devices;

import java.time.Instant;
import java.util.List;

/**
 * A one-time pairing code for a new device (usable once, until {@code expiresAt}) and what the person at the
 * new device compares: the store server's certificate fingerprint ({@code fingerprint} in full, as hex, and
 * {@code fingerprintShort} as shown on both screens). {@code addresses} are where the store server answers HTTPS.
 */
public record PairingCode(String code, Instant expiresAt, String propertyId, DeviceRole role, String name,
                          String fingerprint, String fingerprintShort, List<String> addresses) {
}
