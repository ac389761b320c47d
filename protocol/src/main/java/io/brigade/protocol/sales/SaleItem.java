package io.brigade.protocol.sales;

import java.math.BigDecimal;
import java.util.List;

/** A sale line; {@code modifierItems} recurse with the same shape. */
public record SaleItem(String menuItemId, Integer quantity, BigDecimal unitPrice, String notes,
                       List<SaleItem> modifierItems) {
}
