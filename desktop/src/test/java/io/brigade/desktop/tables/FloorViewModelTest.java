package io.brigade.desktop.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.brigade.protocol.checks.Check;
import io.brigade.protocol.sales.DispatchType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The floor's tiles: each table's state and how long its check has been open, from the store's open checks. */
class FloorViewModelTest {
    static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");

    private static FloorViewModel floor() {
        FloorViewModel floor = new FloorViewModel(Clock.fixed(NOW, ZoneOffset.UTC));
        floor.tables(List.of("1", "2", "3", "4"));
        return floor;
    }

    private static Check check(String id, String table, String state, Instant openedAt, String total) {
        return new Check(id, "p1", "sc1", DispatchType.DineIn, table, null, 2, state, openedAt, openedAt, null, "m1",
                "1", 1, List.of(), List.of(), null, List.of(), List.of(), new BigDecimal(total), BigDecimal.ZERO,
                new BigDecimal(total), 1, null, List.of());
    }

    private static FloorViewModel.Tile tile(FloorViewModel floor, String table) {
        return floor.tiles().stream().filter(t -> table.equals(t.table())).findFirst().orElseThrow();
    }

    @Test
    void eachCheckShowsItsTableInTheChecksState() {
        FloorViewModel floor = floor();
        floor.show(List.of(check("c1", "1", Check.OPEN, NOW, "10.00"), check("c2", "2", Check.SENT, NOW, "20.00"),
                check("c3", "3", Check.BILL, NOW, "30.00")));
        assertEquals(FloorViewModel.State.OPEN, tile(floor, "1").state());
        assertEquals(FloorViewModel.State.SENT, tile(floor, "2").state());
        assertEquals(FloorViewModel.State.BILL, tile(floor, "3").state());
        assertEquals(FloorViewModel.State.FREE, tile(floor, "4").state());
        assertNull(tile(floor, "4").checkId());
    }

    @Test
    void aTileCountsTheMinutesSinceItsCheckWasOpened() {
        FloorViewModel floor = floor();
        floor.show(List.of(check("c1", "1", Check.SENT, NOW.minus(Duration.ofMinutes(47)).minusSeconds(30), "10.00")));
        assertEquals(47, tile(floor, "1").minutesOpen(NOW));
        assertEquals(0, tile(floor, "2").minutesOpen(NOW), "a free table has no time");
    }

    @Test
    void aClosedCheckLeavesItsTableFree() {
        FloorViewModel floor = floor();
        Check closed = check("c1", "1", Check.CLOSED, NOW, "10.00");
        floor.show(List.of(new Check(closed.checkId(), closed.propertyId(), closed.salesChannelId(),
                closed.dispatchType(), closed.table(), null, 2, Check.CLOSED, NOW, NOW, NOW, "m1", "1", 1, List.of(),
                List.of(), null, List.of(), List.of(), BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, 2, null,
                List.of("s1"))));
        assertEquals(FloorViewModel.State.FREE, tile(floor, "1").state());
    }

    @Test
    void twoChecksOnOneTableShowTheOlderWithTheStateThatNeedsTheWaiterFirst() {
        FloorViewModel floor = floor();
        floor.show(List.of(check("older", "1", Check.SENT, NOW.minus(Duration.ofMinutes(30)), "10.00"),
                check("newer", "1", Check.OPEN, NOW.minus(Duration.ofMinutes(2)), "5.00")));
        FloorViewModel.Tile t = tile(floor, "1");
        assertEquals("older", t.checkId());
        assertEquals(FloorViewModel.State.OPEN, t.state());
        assertEquals(2, t.checks());
        assertEquals(0, new BigDecimal("15.00").compareTo(t.total()));
        assertEquals(30, t.minutesOpen(NOW));
    }
}
