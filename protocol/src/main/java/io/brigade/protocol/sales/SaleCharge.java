package io.brigade.protocol.sales;

import java.math.BigDecimal;

/** A surcharge; with {@code itemId} it is line-level, without it sale-level. */
public record SaleCharge(ChargeType type, BigDecimal amount, String itemId) {
}
