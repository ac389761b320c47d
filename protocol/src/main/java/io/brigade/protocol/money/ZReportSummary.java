package io.brigade.protocol.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of the Z report list. */
public record ZReportSummary(long zNumber, String propertyId, LocalDate businessDate, Instant takenAt,
                             String takenBy, BigDecimal netSales, int checks) {
}
