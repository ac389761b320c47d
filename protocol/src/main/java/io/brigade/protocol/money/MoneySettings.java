package io.brigade.protocol.money;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * What needs a manager at a store: a discount above {@code discountPercentLimit} percent of the items or above
 * {@code discountAmountLimit} (null: no limit of that kind), and each of refunds, voids of lines the kitchen has,
 * "no sale" drawer opens and reopening a closed check. A voucher is always checked against the store's list.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MoneySettings(BigDecimal discountPercentLimit, BigDecimal discountAmountLimit, Boolean refundsNeedManager,
                            Boolean voidsNeedManager, Boolean noSaleNeedsManager, Boolean reopenNeedsManager) {
}
