package io.brigade.server.sales;

import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A validated sale with the fields the server owns (ids, times, totals, status). */
public record SaleRecord(Sale sale, String saleId, String orgId, String propertyId, String displayId, long menuRevisionId,
                  Instant dateTime, LocalDate businessDate, Instant createdAt, Instant dispatchTime,
                  Totals totals, SaleStatus status) {

    /** Money totals of a sale, computed by the server. */
    public record Totals(BigDecimal items, BigDecimal charges, BigDecimal discounts, BigDecimal refunds,
                  BigDecimal saleAmount, BigDecimal paid) {
        /** What was paid (net of refunds) beyond the sale's amount; negative when less was paid, zero when even. */
        public BigDecimal paymentMismatch() {
            return paid.subtract(refunds).subtract(saleAmount);
        }
    }
}
