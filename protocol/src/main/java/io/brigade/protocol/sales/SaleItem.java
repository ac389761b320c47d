package io.brigade.protocol.sales;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** A sale line; {@code modifierItems} recurse with the same shape. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SaleItem(String menuItemId, Integer quantity, BigDecimal unitPrice, String notes,
                       List<SaleItem> modifierItems) {
}
