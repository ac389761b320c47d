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

    /**
     * Whether this sale closes a check (its metadata names the check): its lines were ordered, and sent to the
     * kitchen, as the check went, so what is snoozed or sent now is not its business.
     */
    public boolean closesCheck() {
        String metadata = sale.metadata();
        if (metadata == null || !metadata.contains(io.brigade.protocol.kitchen.KitchenFire.CHECK_SALE_METADATA_KEY)) {
            return false;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode tree = io.brigade.protocol.Json.mapper().readTree(metadata);
            return tree != null && tree.isObject()
                    && tree.hasNonNull(io.brigade.protocol.kitchen.KitchenFire.CHECK_SALE_METADATA_KEY);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    /** Money totals of a sale, computed by the server. */
    public record Totals(BigDecimal items, BigDecimal charges, BigDecimal discounts, BigDecimal refunds,
                  BigDecimal saleAmount, BigDecimal paid) {
        /** What was paid (net of refunds) beyond the sale's amount; negative when less was paid, zero when even. */
        public BigDecimal paymentMismatch() {
            return paid.subtract(refunds).subtract(saleAmount);
        }
    }
}
