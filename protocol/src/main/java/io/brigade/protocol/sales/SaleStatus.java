package io.brigade.protocol.sales;

/** The lifecycle status of a sale; transitions are owned by the server's state machine. */
public enum SaleStatus {
    SALE_CREATED,
    SALE_IN_PREPARATION,
    SALE_PREPARED_BY_KITCHEN,
    SALE_DISPATCHED,
    SALE_ON_THE_WAY,
    SALE_DELIVERED,
    SALE_CANCELLED;

    /** True once nothing more can happen to the sale. */
    public boolean isTerminal() {
        return this == SALE_DELIVERED || this == SALE_CANCELLED;
    }
}
