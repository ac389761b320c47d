package io.brigade.protocol.money;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A shift as stored. While it is open, {@code expectedCash} and {@code overShort} are null: the count that closes
 * it is blind. Once closed they show what the drawer should have held and the difference (counted minus expected:
 * positive over, negative short).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Shift(String shiftId, String propertyId, String deviceId, String deviceName, String drawer,
                    String status, LocalDate businessDate, Instant openedAt, String openedBy,
                    BigDecimal openingFloat, Instant closedAt, String closedBy, BigDecimal countedCash,
                    BigDecimal expectedCash, BigDecimal overShort) {
}
