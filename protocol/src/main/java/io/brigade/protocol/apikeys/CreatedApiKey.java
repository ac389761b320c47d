package io.brigade.protocol.apikeys;

import java.time.Instant;

/** The answer to a create: the only time the full key is ever shown. */
public record CreatedApiKey(String keyId, String name, String key, String keyPrefix, String lastFour,
                            Instant createdAt) {
}
