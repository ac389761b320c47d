package io.brigade.desktop.backoffice;

import java.time.Instant;

/** The server's answer to a create: the only time the full key is ever seen. */
public record CreatedApiKey(String keyId, String name, String key, String keyPrefix, String lastFour,
                            Instant createdAt) {
}
