package io.brigade.desktop.sync;

import java.time.Instant;

/**
 * What the status bar shows: reachable or not, sales waiting, needing attention, and the last good sync; and, on a
 * desktop that joined a store, the store's words when a manager revoked this device ({@code revoked}, else null).
 */
public record SyncStatus(boolean online, int pendingSales, int needsAttention, Instant lastSync, String lastError,
                         String revoked) {
    public SyncStatus(boolean online, int pendingSales, int needsAttention, Instant lastSync, String lastError) {
        this(online, pendingSales, needsAttention, lastSync, lastError, null);
    }
}
