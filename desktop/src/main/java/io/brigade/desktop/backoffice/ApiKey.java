package io.brigade.desktop.backoffice;

import java.time.Instant;

/** An API key as the back office lists it: its prefix and last four characters, never the key itself. */
public record ApiKey(String keyId, String name, String keyPrefix, String lastFour, Instant createdAt,
                     Instant lastUsedAt, Instant revokedAt) {

    /** How the list shows the key: the prefix, an ellipsis and the last four. */
    public String masked() {
        return keyPrefix + "…" + lastFour;
    }
}
