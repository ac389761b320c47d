package io.brigade.server.sales;

import io.brigade.protocol.sales.SaleStatus;
import java.util.List;

/**
 * What the sale path announces once a change has committed and is on disk, for what follows sales outside the
 * transaction: the kitchen streams, the v1 answer cache, the webhook dispatcher. Nothing is announced before its
 * rows are visible to other connections.
 */
public sealed interface SaleCommitted {
    String orgId();

    /** New sales of one org, stored in the same batch. */
    record NewSales(String orgId, List<String> saleIds) implements SaleCommitted {
    }

    /** A stored sale's new status, or a changed pickup or delivery time. */
    record StatusChanged(String orgId, String saleId, SaleStatus status) implements SaleCommitted {
    }
}
