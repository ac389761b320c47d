package io.brigade.protocol.apikeys;

import java.time.Instant;

/** An API key as the back office lists it: never the key, only its prefix and last four characters. */
public record ApiKey(String keyId, String name, String keyPrefix, String lastFour, Instant createdAt,
                     Instant lastUsedAt, Instant revokedAt) {
}
