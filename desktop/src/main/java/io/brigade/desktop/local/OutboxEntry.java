package io.brigade.desktop.local;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One outbox row: a sale, a cancellation, a shift's step or an analytics event waiting for (or done with) the server. */
public record OutboxEntry(long seq, UUID id, Kind kind, State state, String payload, Instant createdAt, int attempts,
                          String lastError, UUID saleRef, String serverSaleId, String displayId, BigDecimal total,
                          String staffName, boolean cancelled) {

    /**
     * What the row carries: a sale, a cancellation, an analytics event, a check operation, or a shift's step
     * (MONEY: open, pay-in or -out, no sale, close) for the store server.
     */
    public enum Kind { SALE, CANCEL, EVENT, CHECK, MONEY }

    /** Where the row is in its life. */
    public enum State { PENDING, SENT, PARKED, VOIDED }
}
