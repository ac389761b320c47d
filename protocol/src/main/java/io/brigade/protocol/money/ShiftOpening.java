package io.brigade.protocol.money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A till opens a shift at its drawer with the float it counted. {@code shiftId} is the till's own UUID for the
 * shift (a shift opened offline is queued and sent once). {@code terminal} names the till when the caller is not a
 * paired device (a paired till is named by its credential). {@code openedAt} is when the cashier opened it (now
 * when absent).
 */
public record ShiftOpening(String shiftId, String terminal, String drawer,
                           BigDecimal openingFloat, Instant openedAt, String staffId, String staffName) {
}
