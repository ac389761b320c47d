package io.brigade.protocol.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/** A sale-level discount. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SaleDiscount(DiscountType type, BigDecimal amount, String code) {
}
