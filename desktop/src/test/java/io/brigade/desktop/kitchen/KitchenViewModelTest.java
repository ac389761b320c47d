package io.brigade.desktop.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenPrepTimes;
import io.brigade.protocol.kitchen.KitchenSnapshot;
import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.protocol.kitchen.KitchenStations;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.sales.DispatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kitchen screen's state with a fixed clock: stations' parts, stable numbers, selection, ages, expo. */
class KitchenViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-23T13:00:00Z");
    private static final KitchenStations STATIONS = new KitchenStations("p", List.of(
            new KitchenStation("pizza", "Pizza", List.of("c-pizza"), false),
            new KitchenStation("grill", "Grill", List.of(), true),
            new KitchenStation("bar", "Bar", List.of("c-drinks"), false)));

    private final MutableClock clock = new MutableClock(NOW);
    private final KitchenViewModel model = new KitchenViewModel(clock, Texts.of(KitchenTexts.class));

    @BeforeAll
    static void english() {
        Locale.setDefault(Locale.ENGLISH);
    }

    private static KitchenItem line(String id, String name, String station, int qty) {
        return new KitchenItem(id, name, null, null, station, qty, 0, List.of(), null, null, false, null);
    }

    /** A ticket of the lines, every station with a line waiting (none started or bumped). */
    private static KitchenTicket ticket(String id, Instant ordered, KitchenItem... lines) {
        List<KitchenTicket.Station> parts = new ArrayList<>();
        for (KitchenItem l : lines) {
            if (parts.stream().noneMatch(p -> p.stationId().equals(l.stationId()))) {
                parts.add(new KitchenTicket.Station(l.stationId(), l.stationId(), null, null, 1));
            }
        }
        return new KitchenTicket(id, KitchenTicket.SALE, id, null, id, "p", DispatchType.DineIn, "7", null, null,
                null, ordered, ordered.plusSeconds(1), KitchenTicket.NEW, null, null, List.of(lines), parts);
    }

    /** The ticket with {@code station} bumped at {@code at}, and the status that follows. */
    private static KitchenTicket bumped(KitchenTicket t, String station, Instant at) {
        List<KitchenTicket.Station> parts = t.stations().stream().map(s -> s.stationId().equals(station)
                ? new KitchenTicket.Station(s.stationId(), s.name(), at, at, s.liveLines()) : s).toList();
        String status = parts.stream().allMatch(KitchenTicket.Station::bumped) ? KitchenTicket.READY
                : KitchenTicket.IN_PREPARATION;
        return new KitchenTicket(t.ticketId(), t.source(), t.saleId(), t.checkId(), t.displayId(), t.propertyId(),
                t.dispatchType(), t.table(), t.guests(), t.round(), t.course(), t.orderedAt(), t.createdAt(), status,
                KitchenTicket.READY.equals(status) ? at : null, null, t.items(), parts);
    }

    private void start() {
        model.snapshot(new KitchenSnapshot(0, List.of(), STATIONS, new KitchenPrepTimes("p", LocalDate.of(2026, 11,
                23), List.of())));
    }

    private List<String> ids(KitchenViewModel.Column c) {
        return model.column(c).stream().map(KitchenTicket::ticketId).toList();
    }

    @Test
    void aScreenStartsOnTheCatchAllStation() {
        start();
        assertEquals("grill", model.viewProperty().get());
    }

    @Test
    void aStationShowsOnlyItsOwnLinesOfATicket() {
        start();
        model.show("pizza");
        model.created(ticket("A", NOW, line("1", "Margherita", "pizza", 1), line("2", "Cola", "bar", 2)));

        KitchenTicket seen = model.column(KitchenViewModel.Column.NEW).get(0);

        assertEquals(List.of("Margherita"), seen.items().stream().map(KitchenItem::name).toList());
        model.show("grill");
        assertTrue(model.column(KitchenViewModel.Column.NEW).isEmpty(), "nothing of it for the grill");
    }

    @Test
    void anotherStationsBumpLeavesThisStationsPartWhereItWas() {
        start();
        model.show("pizza");
        KitchenTicket t = ticket("A", NOW, line("1", "Margherita", "pizza", 1), line("2", "Burger", "grill", 1));
        model.created(t);

        model.updated(bumped(t, "grill", NOW.plusSeconds(60)));

        assertEquals(List.of("A"), ids(KitchenViewModel.Column.NEW));
        model.show("grill");
        assertEquals(List.of("A"), ids(KitchenViewModel.Column.BUMPED));
        assertTrue(model.workQueue().isEmpty(), "the grill has nothing left to bump");
    }

    @Test
    void numbersStayWithTheirTicketsWhileOthersComeAndGo() {
        start();
        KitchenTicket a = ticket("A", NOW, line("1", "Burger", "grill", 1));
        model.created(a);
        model.created(ticket("B", NOW.plusSeconds(10), line("1", "Burger", "grill", 1)));
        model.created(ticket("C", NOW.plusSeconds(20), line("1", "Burger", "grill", 1)));
        assertEquals(List.of(1, 2, 3), List.of(model.keyOf("A"), model.keyOf("B"), model.keyOf("C")));

        model.updated(bumped(a, "grill", NOW.plusSeconds(30)));
        model.created(ticket("D", NOW.plusSeconds(40), line("1", "Burger", "grill", 1)));

        assertEquals(0, model.keyOf("A"), "a bumped ticket gives its number back");
        assertEquals(List.of(2, 3, 1), List.of(model.keyOf("B"), model.keyOf("C"), model.keyOf("D")),
                "B and C keep theirs; D takes the free one");
    }

    @Test
    void pastNineTicketsTheNewestWaitForANumber() {
        start();
        List<KitchenTicket> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            KitchenTicket t = ticket("T" + i, NOW.plusSeconds(i), line("1", "Burger", "grill", 1));
            all.add(t);
            model.created(t);
        }
        assertEquals(0, model.keyOf("T9"));

        model.updated(bumped(all.get(4), "grill", NOW.plusSeconds(60)));

        assertEquals(5, model.keyOf("T9"), "it takes the number the bumped ticket gave back");
    }

    @Test
    void theSelectedTicketIsWhatEnterActsOnAndTheOldestIsSelectedWhenNoneIs() {
        start();
        KitchenTicket a = ticket("A", NOW, line("1", "Burger", "grill", 1));
        model.created(a);
        model.created(ticket("B", NOW.plusSeconds(10), line("1", "Burger", "grill", 1)));
        assertEquals("A", model.target().ticketId(), "the oldest, highlighted");

        assertTrue(model.selectKey(2));
        assertEquals("B", model.target().ticketId());
        model.created(ticket("C", NOW.plusSeconds(20), line("1", "Burger", "grill", 1)));
        assertEquals("B", model.target().ticketId(), "a new ticket does not move the selection");
        model.updated(bumped(a, "grill", NOW.plusSeconds(30)));
        assertEquals("B", model.target().ticketId(), "nor does another ticket leaving");
        assertFalse(model.selectKey(7));
        assertEquals("No ticket 7", model.messageProperty().get());
    }

    @Test
    void aTicketRungOfflineIsAgedFromItsOrderTime() {
        start();
        // Ordered nine minutes ago on a till that was offline; the server got it a minute ago.
        KitchenTicket t = new KitchenTicket("A", KitchenTicket.SALE, "A", null, "A", "p", DispatchType.TakeAway, null,
                null, null, null, NOW.minus(Duration.ofMinutes(9)), NOW.minus(Duration.ofMinutes(1)),
                KitchenTicket.NEW, null, null, List.of(line("1", "Burger", "grill", 1)),
                List.of(new KitchenTicket.Station("grill", "Grill", null, null, 1)));
        model.created(t);
        assertEquals("9:00", KitchenViewModel.clockText(model.age(t)));
        assertEquals(KitchenViewModel.Age.RED, model.ageColour(t));
        model.ageThresholds(Duration.ofMinutes(10), Duration.ofMinutes(15));
        assertEquals(KitchenViewModel.Age.FRESH, model.ageColour(t));
    }

    @Test
    void theExpoShowsWholeTicketsUntilTheyAreServed() {
        start();
        model.show(KitchenStations.EXPO);
        KitchenTicket t = ticket("A", NOW, line("1", "Margherita", "pizza", 1), line("2", "Cola", "bar", 1));
        model.created(t);
        assertEquals(List.of("A"), ids(KitchenViewModel.Column.IN_PROGRESS));
        assertEquals(2, model.column(KitchenViewModel.Column.IN_PROGRESS).get(0).items().size());

        KitchenTicket ready = bumped(bumped(t, "pizza", NOW.plusSeconds(50)), "bar", NOW.plusSeconds(60));
        model.updated(ready);
        assertEquals(List.of("A"), ids(KitchenViewModel.Column.READY));
        assertEquals("1:00", KitchenViewModel.clockText(model.age(ready)), "ready after a minute");

        model.updated(new KitchenTicket("A", ready.source(), ready.saleId(), null, "A", "p", DispatchType.DineIn, "7",
                null, null, null, NOW, NOW, KitchenTicket.SERVED, ready.readyAt(), NOW.plusSeconds(90), ready.items(),
                ready.stations()));
        assertTrue(model.ticketIds().isEmpty(), "served: off the screen");
    }

    @Test
    void allDayCountsLeaveOutDoneAndVoidedLines() {
        start();
        KitchenItem done = line("1", "Burger", "grill", 2).withDone(true);
        KitchenItem partlyVoid = line("2", "Chicken burger", "grill", 3).withVoided(1, "changed");
        KitchenItem allVoid = line("3", "Veggie burger", "grill", 1).withVoided(1, "changed");
        model.created(ticket("A", NOW, done, partlyVoid, allVoid));
        assertEquals(List.of(Map.entry("Chicken burger", 2)), model.allDayCounts());
    }

    @Test
    void aScreenWhoseStationIsRemovedShowsTheCatchAll() {
        start();
        model.show("bar");
        model.stations(new KitchenStations("p", List.of(new KitchenStation("pizza", "Pizza", List.of(), false),
                new KitchenStation("kitchen", "Kitchen", List.of(), true))));
        assertEquals("kitchen", model.viewProperty().get());
    }

    @Test
    void theStreamStateSaysWhenItWentDownAndKeepsTheLastUpdateTime() {
        start();
        model.streamUp();
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
