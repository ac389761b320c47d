package io.brigade.desktop.till;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.local.EventRecorder;
import io.brigade.desktop.local.LocalDatabase;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.OutboxRepository;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.StaffMember;
import io.brigade.protocol.Json;
import io.brigade.protocol.menus.AvailabilityOverride;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.menus.PricingProfile;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SalePayment;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till's rules without a screen, over a real local outbox. */
class TillViewModelTest {
    // A Wednesday lunchtime in UTC.
    private static final Instant NOW = Instant.parse("2026-11-25T12:30:00Z");
    @TempDir
    Path dir;
    private LocalDatabase db;
    private OutboxRepository outbox;
    private TillViewModel till;

    @BeforeEach
    void setUp() {
        db = LocalDatabase.open(dir);
        outbox = new OutboxRepository(db);
        TerminalSettings settings = new TerminalSettings("http://localhost:1", "c", "s", "org1", "p1", "sc1", "till-9",
                false);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        EventRecorder events = new EventRecorder(outbox, settings, clock, Runnable::run);
        CheckoutService checkout = new CheckoutService(outbox, settings, events, clock, () -> { });
        till = new TillViewModel(checkout, events, Background.direct(), clock, ZoneOffset.UTC);
        till.staffProperty().set(new StaffMember("s1", "Ciara", Role.CASHIER));
        till.menuArrived(menu(1));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void itemsArePricedForTheDispatchTypeAndTheTicketIsRepricedWhenItChanges() {
        till.open(item("Soup"));
        assertEquals(new BigDecimal("6.00"), till.totalProperty().get());
        till.setDispatch(DispatchType.TakeAway);
        assertEquals(new BigDecimal("5.00"), item("Soup").price());
        assertEquals(new BigDecimal("5.00"), till.totalProperty().get());
    }

    @Test
    void digitsTypedBeforeAnItemSetItsQuantity() {
        till.typeDigit(1);
        till.typeDigit(2);
        till.open(item("Soup"));
        assertEquals(12, till.lines().get(0).quantity());
        till.open(item("Soup"));
        assertEquals(1, till.lines().get(1).quantity());
    }

    @Test
    void anItemSwitchedOffNowIsShownUnavailableAndCannotBeSold() {
        PricedItem stew = item("Stew");
        assertFalse(stew.available());
        assertTrue(till.open(stew).isEmpty());
        assertTrue(till.lines().isEmpty());
        assertEquals("Stew is not available right now", till.messageProperty().get());
    }

    @Test
    void aRequiredModifierGroupBlocksTheLineUntilChosen() {
        ModifierChoice choice = till.open(item("Burger")).orElseThrow();
        assertFalse(till.add(choice));
        assertEquals("Choose 1 from 'Side'", till.messageProperty().get());
        choice.toggle("g-side", "m-fries");
        choice.toggle("g-side", "m-salad"); // pick-one group: replaces fries
        assertTrue(till.add(choice));
        assertEquals(List.of("Salad"), till.lines().get(0).modifiers().stream().map(TicketLine.Modifier::caption).toList());
        assertEquals(new BigDecimal("13.50"), till.totalProperty().get());
    }

    @Test
    void discountServiceChargeAndTipAddUpToTheTotal() {
        till.typeDigit(2);
        till.open(item("Burger")).ifPresent(c -> {
            c.toggle("g-side", "m-fries");
            till.add(c);
        }); // 2 x 12.00
        assertTrue(till.spotDiscount("4"));
        till.serviceChargeProperty().set(true); // 10% of 20.00
        assertTrue(till.setTip("1.50"));
        assertEquals(new BigDecimal("23.50"), till.totalProperty().get());
    }

    @Test
    void badAmountsAreRefusedWithAMessageAndChangeNothing() {
        till.open(item("Soup"));
        assertFalse(till.spotDiscount("abc"));
        assertFalse(till.spotDiscount("7.00"));
        assertEquals("The discount is more than the total (€6.00)", till.messageProperty().get());
        assertFalse(till.voucher(" ", "1"));
        assertFalse(till.setTip("-1"));
        till.tableProperty().set("4");
        assertFalse(till.payCard("6.01"));
        assertEquals("A card cannot be charged more than the balance (€6.00)", till.messageProperty().get());
        assertEquals(new BigDecimal("6.00"), till.totalProperty().get());
        assertTrue(till.tenders().isEmpty());
    }

    @Test
    void dineInNeedsATableAndAnEmptyTicketCannotBePaid() {
        assertFalse(till.payCash(""));
        assertEquals("The ticket is empty", till.messageProperty().get());
        till.open(item("Soup"));
        assertFalse(till.payCash(""));
        assertEquals("Which table? Enter a table number for dine-in", till.messageProperty().get());
    }

    @Test
    void splitPaymentCompletesTheSaleIntoTheOutboxWithChange() throws Exception {
        till.tableProperty().set("4");
        till.open(item("Soup"));
        till.open(item("Soup")); // 12.00
        assertTrue(till.payCard("5"));
        assertNull(till.lastReceiptProperty().get());
        till.remove(till.lines().get(0));
        assertEquals(2, till.lines().size(), "lines cannot change once a payment is taken");
        assertTrue(till.payCash("10"));

        Receipt receipt = till.lastReceiptProperty().get();
        assertNotNull(receipt);
        assertEquals(new BigDecimal("3.00"), receipt.change());
        assertTrue(till.lines().isEmpty());
        List<OutboxEntry> sales = outbox.recentSales(10);
        assertEquals(1, sales.size());
        Sale sale = Json.mapper().readValue(sales.get(0).payload(), Sale.class);
        assertEquals("4", sale.dineIn().tableId());
        assertEquals("1", sale.menuRevisionId());
        assertEquals(sales.get(0).id().toString(), sale.externalId());
        assertEquals(new BigDecimal("12.00"), sale.payments().stream().map(SalePayment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertTrue(sale.metadata().contains("\"posTerminal\":\"till-9\""));
    }

    @Test
    void cashierActionsAreQueuedAsAnalyticsEventsAndOrderPlacedTravelsWithTheSale() {
        till.tableProperty().set("4");
        ModifierChoice choice = till.open(item("Burger")).orElseThrow();
        choice.toggle("g-side", "m-fries");
        till.add(choice);
        till.payCash("");
        List<OutboxEntry> events = outbox.nextEvents(100);
        assertEquals(List.of("meal_viewed", "option_selected", "meal_customized", "meal_added_to_cart",
                "order_placed"), events.stream().map(e -> type(e.payload())).toList());
        OutboxEntry sale = outbox.nextSaleOrCancel().orElseThrow();
        assertEquals(OutboxEntry.Kind.SALE, sale.kind());
        assertTrue(events.get(4).payload().contains("\"saleKey\":\"" + sale.id() + "\""));
    }

    @Test
    void aNewMenuRevisionWaitsUntilTheTicketIsFinished() {
        till.open(item("Soup"));
        till.menuArrived(menu(2));
        assertEquals(1, till.menuProperty().get().revisionId());
        till.clearTicket();
        assertEquals(2, till.menuProperty().get().revisionId());
    }

    private static String type(String eventJson) {
        return eventJson.replaceAll(".*\"type\":\"([a-z_]+)\".*", "$1");
    }

    private PricedItem item(String caption) {
        return till.menuProperty().get().tabs().stream().flatMap(t -> t.items().stream())
                .filter(i -> i.caption().equals(caption)).findFirst().orElseThrow();
    }

    private static MenuRevision menu(long revision) {
        ModifierGroup side = new ModifierGroup("g-side", "Side", 1, 1, List.of(
                option("m-fries", "Fries", "0.00"), option("m-salad", "Salad", "1.50")));
        String today = ZonedDateTime.ofInstant(NOW, ZoneId.of("UTC")).getDayOfWeek().name();
        MenuItem stew = new MenuItem("i-stew", "i-stew", null, "Stew", null, null, false, List.of(prices("9.00", "8.00")),
                List.of(new AvailabilityOverride(today, "12:00", "15:00", false)), List.of(), null);
        Category mains = new Category("c1", "Mains", null, List.of(
                new MenuItem("i-soup", "i-soup", null, "Soup", null, null, false, List.of(prices("6.00", "5.00")),
                        List.of(), List.of(), null),
                new MenuItem("i-burger", "i-burger", null, "Burger", null, null, false, List.of(prices("12.00", "11.00")),
                        List.of(), List.of("g-side"), null),
                stew));
        return new MenuRevision("menu1", revision, NOW, new MenuContent("Test", "EUR", List.of(), List.of(mains),
                List.of(side), List.of()));
    }

    private static MenuItem option(String id, String caption, String price) {
        return new MenuItem(id, id, null, caption, null, null, false, List.of(prices(price, price)), List.of(),
                List.of(), null);
    }

    private static PricingProfile prices(String dineIn, String takeaway) {
        return new PricingProfile("default", new BigDecimal(takeaway), new BigDecimal(takeaway),
                new BigDecimal(dineIn), new BigDecimal(takeaway), null, null, null, null, null, false);
    }
}
