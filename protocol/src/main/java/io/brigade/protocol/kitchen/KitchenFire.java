package io.brigade.protocol.kitchen;

import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.SaleItem;
import java.time.Instant;
import java.util.List;

/**
 * A check's round sent to the kitchen ({@code POST .../kitchen/rounds}): it becomes one ticket, split over the
 * stations by each line's menu category. {@code operationId} makes it idempotent: the same id again answers the
 * same ticket and makes no second one (the same id with other content is refused), and a line already sent is
 * refused whatever the operation id. {@code sentAt} is when Send was pressed on the till (a till that was offline
 * sends it later with the time it was pressed); {@code displayId} is the short label a cook calls out ("T4",
 * "Anna"). Items are named from {@code menuId}/{@code menuRevisionId} as for a sale. {@code course} is the course
 * fired (1 for a plain round); {@code guests} the covers at the table.
 */
public record KitchenFire(String operationId, String propertyId, String checkId, String displayId,
                          DispatchType dispatchType, String table, Integer guests, Integer round, Integer course,
                          Instant sentAt, String menuId, String menuRevisionId, List<Line> lines) {

    /**
     * One line of the round: {@code lineId} is the check line's own id (unique within the check), {@code seat} the
     * guest's seat or null; {@code modifierItems} as on a sale line (prices, if sent, are ignored).
     */
    public record Line(String lineId, String menuItemId, Integer quantity, Integer seat, String notes,
                       List<SaleItem> modifierItems) {
    }

    /**
     * A sale whose {@code metadata} object holds this key closes a check whose lines reached the kitchen as rounds:
     * the sale path makes no ticket for it.
     */
    public static final String CHECK_SALE_METADATA_KEY = "brigadeCheckId";
}
