package io.brigade.desktop.sync;

import java.time.Instant;

/** What the status bar shows: reachable or not, sales waiting, needing attention, and the last good sync. */
public record SyncStatus(boolean online, int pendingSales, int needsAttention, Instant lastSync, String lastError) {
}
