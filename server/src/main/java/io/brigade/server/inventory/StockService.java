package io.brigade.server.inventory;

import io.brigade.protocol.sales.SaleItem;
import io.brigade.server.http.ApiException;
import io.brigade.server.sales.SaleObserver;
import io.brigade.server.sales.SaleRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decrements stock inside each new sale's own transaction (its group-commit savepoint). A v1 order
 * ({@link #STRICT_SOURCE}) is refused with 409 when a tracked item is short, which rolls back that
 * sale only; a v3 push records a sale that already happened (e.g. an offline till), so it only
 * decrements, and the level may go to zero or below.
 */
public final class StockService implements SaleObserver {
    /** The {@code source} of sales created through POST /api/v1/orders. */
    public static final String STRICT_SOURCE = "api-v1";

    private final StockRepository stock;
    private final Clock clock;
    private final StockOut stockOut;

    /**
     * {@code stockOut} hears, in the sale's transaction, of an item whose stock this sale used up. (The v1
     * cache needs no word from here: it drops the org's answers on every sale change anyway.)
     */
    public StockService(StockRepository stock, Clock clock, StockOut stockOut) {
        this.stock = stock;
        this.clock = clock;
        this.stockOut = stockOut;
    }

    @Override
    public void created(Connection c, SaleRecord sale) throws SQLException {
        Map<String, Integer> needed = new LinkedHashMap<>();
        count(sale.sale().items(), 1, needed);
        boolean strict = STRICT_SOURCE.equals(sale.sale().source());
        for (Map.Entry<String, Integer> line : needed.entrySet()) {
            String itemId = line.getKey();
            Optional<Integer> after = stock.decrement(c, sale.orgId(), itemId, line.getValue(), strict,
                    clock.instant());
            if (after.isPresent()) {
                if (after.get() <= 0 && after.get() + line.getValue() > 0) {
                    stockOut.soldOut(c, sale.orgId(), sale.propertyId(), itemId);
                }
                continue;
            }
            if (strict) {
                Optional<StockRepository.StockLevel> level = stock.level(c, sale.orgId(), itemId);
                if (level.isPresent()) {
                    throw new ApiException(409, "Conflict", "meal " + itemId + " is out of stock: "
                            + Math.max(0, level.get().quantity()) + " left, " + line.getValue() + " ordered");
                }
            }
        }
    }

    private static void count(List<SaleItem> items, int multiplier, Map<String, Integer> needed) {
        if (items == null) {
            return;
        }
        for (SaleItem item : items) {
            int quantity = item.quantity() * multiplier;
            needed.merge(item.menuItemId(), quantity, Integer::sum);
            count(item.modifierItems(), quantity, needed);
        }
    }
}
