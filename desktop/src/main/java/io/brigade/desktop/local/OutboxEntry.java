package io.brigade.desktop.local;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One outbox row: a sale, a cancellation or an analytics event waiting for (or done with) the server. */
public record OutboxEntry(long seq, UUID id, Kind kind, State state, String payload, Instant createdAt, int attempts,
                          String lastError, UUID saleRef, String serverSaleId, String displayId, BigDecimal total,
                          String staffName, boolean cancelled) {

    /** What the row carries: a sale, a cancellation, an analytics event or a check operation. */
    public enum Kind { SALE, CANCEL, EVENT, CHECK }

    /** Where the row is in its life. */
    public enum State { PENDING, SENT, PARKED, VOIDED }
}
