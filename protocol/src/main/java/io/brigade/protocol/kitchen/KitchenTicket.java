package io.brigade.protocol.kitchen;

import io.brigade.protocol.sales.DispatchType;
import java.time.Instant;
import java.util.List;

/**
 * A sale as the kitchen sees it: who it is for and what to make. {@code status} is the sale's status
 * ({@code SALE_CREATED} shows as new, {@code SALE_IN_PREPARATION} as in preparation,
 * {@code SALE_PREPARED_BY_KITCHEN} as ready); {@code table} is the dine-in table or null.
 */
public record KitchenTicket(String saleId, String displayId, String propertyId, DispatchType dispatchType,
                            String table, Instant createdAt, String status, Instant bumpedAt,
                            List<KitchenItem> items) {

    /** This ticket with another status and bump time. */
    public KitchenTicket withStatus(String newStatus, Instant newBumpedAt) {
        return new KitchenTicket(saleId, displayId, propertyId, dispatchType, table, createdAt, newStatus, newBumpedAt,
                items);
    }

    /** This ticket with the given line numbers marked done. */
    public KitchenTicket withDone(java.util.Set<Integer> doneLines) {
        return new KitchenTicket(saleId, displayId, propertyId, dispatchType, table, createdAt, status, bumpedAt,
                items.stream().map(i -> i.withDone(doneLines.contains(i.lineNo()))).toList());
    }
}
