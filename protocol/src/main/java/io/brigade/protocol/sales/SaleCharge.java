package io.brigade.protocol.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** A surcharge; with {@code itemId} it is line-level, without it sale-level. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SaleCharge(ChargeType type, BigDecimal amount, String itemId) {
}
