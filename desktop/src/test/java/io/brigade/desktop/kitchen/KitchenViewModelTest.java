package io.brigade.desktop.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenSnapshot;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.sales.DispatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kitchen display's arithmetic with a fixed clock: ages, colours, counts, averages, keys and stations. */
class KitchenViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-23T13:00:00Z");
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

    private final MutableClock clock = new MutableClock(NOW);
    private final KitchenViewModel model = new KitchenViewModel(clock, DUBLIN);

    private static KitchenTicket ticket(String id, Instant created, KitchenItem... items) {
        return new KitchenTicket("S" + id, id, "p", DispatchType.DineIn, "7", created, "SALE_CREATED", null,
                List.of(items));
    }

    private static KitchenItem item(int line, String name, String category, int qty) {
        return new KitchenItem(line, name, category, category, qty, List.of(), null, false);
    }

    @Test
    void ageTurnsAmberAtFiveMinutesAndRedAtEightAndThresholdsCanBeChanged() {
        KitchenTicket t = ticket("0001", NOW, item(1, "Margherita", "Pizzas", 1));
        model.created(t);
        assertEquals(KitchenViewModel.Age.FRESH, model.ageColour(t));
        clock.set(NOW.plus(Duration.ofMinutes(5)).minusSeconds(1));
        assertEquals(KitchenViewModel.Age.FRESH, model.ageColour(t));
        assertEquals("4:59", KitchenViewModel.clockText(model.age(t)));
        clock.set(NOW.plus(Duration.ofMinutes(5)));
        assertEquals(KitchenViewModel.Age.AMBER, model.ageColour(t));
        clock.set(NOW.plus(Duration.ofMinutes(8)));
        assertEquals(KitchenViewModel.Age.RED, model.ageColour(t));

        model.ageThresholds(Duration.ofMinutes(10), Duration.ofMinutes(15));
        assertEquals(KitchenViewModel.Age.FRESH, model.ageColour(t));
    }

    @Test
    void allDayCountsSumWhatIsStillToMakeAndFollowTheStationFilter() {
        model.created(ticket("0001", NOW, item(1, "Margherita", "Pizzas", 2), item(2, "Cola", "Drinks", 1)));
        model.created(ticket("0002", NOW.plusSeconds(30), item(1, "Margherita", "Pizzas", 1),
                item(2, "Classic burger", "Burgers", 1)));
        model.created(ticket("0003", NOW.plusSeconds(60), item(1, "Cola", "Drinks", 3)));
        assertEquals(List.of(Map.entry("Cola", 4), Map.entry("Margherita", 3), Map.entry("Classic burger", 1)),
                model.allDayCounts());

        model.itemDone("S0001", 1, true);
        model.status("S0003", "SALE_PREPARED_BY_KITCHEN", NOW.plusSeconds(120));
        assertEquals(List.of(Map.entry("Classic burger", 1), Map.entry("Cola", 1), Map.entry("Margherita", 1)),
                model.allDayCounts(), "done items and bumped tickets are not counted; ties by name");

        model.stationProperty().set("Pizzas");
        assertEquals(List.of(Map.entry("Margherita", 1)), model.allDayCounts());
        assertEquals(List.of("0001", "0002"), model.column(KitchenViewModel.Column.NEW).stream()
                .map(KitchenTicket::displayId).toList());
        assertEquals(1, model.column(KitchenViewModel.Column.NEW).get(1).items().size(),
                "a station sees only its own items");
        assertTrue(model.column(KitchenViewModel.Column.READY).isEmpty(), "ticket 3 has nothing for pizzas");
    }

    @Test
    void averageTicketTimeCountsSnapshotBumpsAndNewBumpsAndForgetsARecall() {
        int before = model.versionProperty().get();
        model.snapshot(new KitchenSnapshot(10, List.of(), new KitchenSnapshot.Today(2, 300L)));
        assertTrue(model.versionProperty().get() > before, "a snapshot redraws the screen");
        assertEquals(Duration.ofSeconds(300), model.averageTicketTime());
        KitchenTicket t = ticket("0004", NOW);
        model.created(t);
        model.status("S0004", "SALE_PREPARED_BY_KITCHEN", NOW.plusSeconds(600));
        assertEquals(Duration.ofSeconds((600 + 600) / 3), model.averageTicketTime());
        model.status("S0004", "SALE_IN_PREPARATION", null);
        assertEquals(Duration.ofSeconds(300), model.averageTicketTime(), "a recalled ticket is not done");

        clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        assertNull(model.averageTicketTime(), "a new day starts from nothing");
    }

    @Test
    void numberKeysSelectTheWorkQueueAndEnterBumpsTheSelectedOrTheOldest() {
        model.created(ticket("0001", NOW, item(1, "Cola", "Drinks", 1)));
        model.created(ticket("0002", NOW.plusSeconds(10), item(1, "Cola", "Drinks", 1)));
        model.created(ticket("0003", NOW.plusSeconds(20), item(1, "Cola", "Drinks", 1)));
        model.status("S0001", "SALE_IN_PREPARATION", null);
        assertEquals(List.of("0002", "0003", "0001"), model.workQueue().stream().map(KitchenTicket::displayId).toList(),
                "new first, then in preparation");
        assertEquals("0002", model.bumpTarget().displayId(), "nothing selected: the oldest new ticket");
        assertTrue(model.selectKey(3));
        assertEquals("0001", model.bumpTarget().displayId());
        assertFalse(model.selectKey(4));
        assertEquals(3, model.keyOf("S0001"));
    }

    @Test
    void aTicketHeardTwiceIsShownOnceAndTicketsPastReadyLeave() {
        KitchenTicket t = ticket("0001", NOW, item(1, "Cola", "Drinks", 1));
        assertTrue(model.created(t));
        assertFalse(model.created(t), "a repeated ticket does not chime or show twice");
        assertEquals(1, model.column(KitchenViewModel.Column.NEW).size());
        model.status("S0001", "SALE_DISPATCHED", null);
        assertTrue(model.saleIds().isEmpty());
    }

    @Test
    void theStreamStateSaysWhenItWentDownAndKeepsTheLastUpdateTime() {
        model.streamUp();
        model.created(ticket("0001", NOW));
        clock.set(NOW.plusSeconds(90));
        model.streamDown("the server ended the stream");
        assertFalse(model.liveProperty().get());
        assertEquals(NOW, model.lastUpdateProperty().get(), "the last update is when we last heard, not now");
        model.streamUp();
        assertTrue(model.liveProperty().get());
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
