package io.brigade.protocol.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of the sales list endpoint: the sale without its lines, with totals. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SaleHeader(String saleId, Instant dateTime, String salesChannelId, String source,
                         Instant requestedFulfillmentTime, Boolean desiredAsap, DispatchType dispatchType,
                         String externalId, String displayId, String menuId, String menuRevisionId,
                         BigDecimal totalCharges, BigDecimal totalDiscounts, BigDecimal totalRefunds,
                         BigDecimal totalSaleAmount, BigDecimal totalPaidAmount, String metadata,
                         SaleStatus status, BigDecimal paymentMismatch) {
}
