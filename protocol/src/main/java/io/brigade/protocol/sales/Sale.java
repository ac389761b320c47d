package io.brigade.protocol.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A sale as pushed by a client ({@code POST .../sales}) and as read back in detail
 * (the detail read shares this shape, wrapped in {@code data}). The server owns {@code saleId}, {@code status}
 * and {@code paymentMismatch} (payments minus refunds minus the total of items, charges and discounts, as the
 * sale was pushed: zero when they balance); a push leaves them out or null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Sale(String salesChannelId, String source, Instant requestedFulfillmentTime, Boolean desiredAsap,
                   DispatchType dispatchType, String externalId, String displayId, String menuId,
                   String menuRevisionId, Customer customer, DineIn dineIn, Delivery delivery,
                   List<SaleItem> items, List<SaleCharge> charges, List<SaleDiscount> discounts,
                   List<SalePayment> payments, String metadata, String saleId, SaleStatus status,
                   BigDecimal paymentMismatch) {
}
