package io.brigade.server.sales;

import static io.brigade.protocol.sales.SaleStatus.SALE_CANCELLED;
import static io.brigade.protocol.sales.SaleStatus.SALE_CREATED;
import static io.brigade.protocol.sales.SaleStatus.SALE_DELIVERED;
import static io.brigade.protocol.sales.SaleStatus.SALE_DISPATCHED;
import static io.brigade.protocol.sales.SaleStatus.SALE_IN_PREPARATION;
import static io.brigade.protocol.sales.SaleStatus.SALE_ON_THE_WAY;
import static io.brigade.protocol.sales.SaleStatus.SALE_PREPARED_BY_KITCHEN;

import io.brigade.protocol.sales.SaleStatus;
import io.brigade.server.domain.ConflictException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of legal sale status transitions, used by every face (v3 cancel, delivery and
 * POS status, the kitchen, v1 orders). An illegal move is a 409 that names both states.
 */
public final class SaleStateMachine {
    private static final Map<SaleStatus, Set<SaleStatus>> NEXT = new EnumMap<>(SaleStatus.class);

    static {
        NEXT.put(SALE_CREATED, EnumSet.of(SALE_IN_PREPARATION, SALE_PREPARED_BY_KITCHEN, SALE_DISPATCHED,
                SALE_DELIVERED, SALE_CANCELLED));
        NEXT.put(SALE_IN_PREPARATION, EnumSet.of(SALE_PREPARED_BY_KITCHEN, SALE_DISPATCHED, SALE_CANCELLED));
        // A bumped ticket can be recalled to the kitchen.
        NEXT.put(SALE_PREPARED_BY_KITCHEN, EnumSet.of(SALE_IN_PREPARATION, SALE_DISPATCHED, SALE_DELIVERED,
                SALE_CANCELLED));
        NEXT.put(SALE_DISPATCHED, EnumSet.of(SALE_ON_THE_WAY, SALE_DELIVERED));
        NEXT.put(SALE_ON_THE_WAY, EnumSet.of(SALE_DELIVERED));
        NEXT.put(SALE_DELIVERED, EnumSet.noneOf(SaleStatus.class));
        NEXT.put(SALE_CANCELLED, EnumSet.noneOf(SaleStatus.class));
    }

    private SaleStateMachine() {
    }

    public static boolean allows(SaleStatus from, SaleStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Refuses with 409 unless {@code from -> to} is legal. */
    public static void check(SaleStatus from, SaleStatus to) {
        if (!allows(from, to)) {
            throw new ConflictException("a sale in status " + from + " cannot move to " + to
                    + (NEXT.get(from).isEmpty() ? " (it is final)" : "; allowed next: " + NEXT.get(from)));
        }
    }

    /** Time-change updates keep the status; they are allowed while the sale is not final. */
    public static void checkNotFinal(SaleStatus current, String update) {
        if (current.isTerminal()) {
            throw new ConflictException("a sale in status " + current + " cannot take " + update + " (it is final)");
        }
    }
}
