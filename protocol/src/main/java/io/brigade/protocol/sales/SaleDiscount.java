package io.brigade.protocol.sales;

import java.math.BigDecimal;

/** A sale-level discount. */
public record SaleDiscount(DiscountType type, BigDecimal amount, String code) {
}
