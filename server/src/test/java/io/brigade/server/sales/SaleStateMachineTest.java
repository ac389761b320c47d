package io.brigade.server.sales;

import static io.brigade.protocol.sales.SaleStatus.SALE_CANCELLED;
import static io.brigade.protocol.sales.SaleStatus.SALE_DELIVERED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brigade.protocol.sales.SaleStatus;
import io.brigade.server.domain.ConflictException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SaleStateMachineTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "SALE_CREATED, SALE_IN_PREPARATION, true",
            "SALE_CREATED, SALE_PREPARED_BY_KITCHEN, true",
            "SALE_CREATED, SALE_DISPATCHED, true",
            "SALE_CREATED, SALE_CANCELLED, true",
            "SALE_PREPARED_BY_KITCHEN, SALE_IN_PREPARATION, true",
            "SALE_DISPATCHED, SALE_DELIVERED, true",
            "SALE_DISPATCHED, SALE_ON_THE_WAY, true",
            "SALE_ON_THE_WAY, SALE_DELIVERED, true",
            "SALE_DISPATCHED, SALE_CANCELLED, false",
            "SALE_ON_THE_WAY, SALE_DISPATCHED, false",
            "SALE_IN_PREPARATION, SALE_CREATED, false",
            "SALE_CREATED, SALE_CREATED, false"})
    void transitionsFollowTheTable(SaleStatus from, SaleStatus to, boolean legal) {
        assertEquals(legal, SaleStateMachine.allows(from, to));
    }

    @ParameterizedTest
    @EnumSource(value = SaleStatus.class, names = {"SALE_CANCELLED", "SALE_DELIVERED"})
    void finalStatesRefuseEverythingWithConflict(SaleStatus terminal) {
        for (SaleStatus to : SaleStatus.values()) {
            assertThrows(ConflictException.class, () -> SaleStateMachine.check(terminal, to));
        }
        assertThrows(ConflictException.class, () -> SaleStateMachine.checkNotFinal(terminal, "SALE_PICKUP_TIME_CHANGED"));
    }

    @ParameterizedTest
    @EnumSource(value = SaleStatus.class, names = {"SALE_CREATED", "SALE_IN_PREPARATION", "SALE_PREPARED_BY_KITCHEN"})
    void kitchenStatesCanBeCancelled(SaleStatus from) {
        SaleStateMachine.check(from, SALE_CANCELLED);
        assertEquals(false, SaleStateMachine.allows(SALE_DELIVERED, from));
    }
}
