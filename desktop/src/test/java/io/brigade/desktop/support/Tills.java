package io.brigade.desktop.support;

import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.till.Order;
import io.brigade.desktop.till.PricedItem;
import io.brigade.desktop.till.Tender;
import io.brigade.desktop.till.TicketLine;
import io.brigade.desktop.till.TillMenu;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/** Ringing up sales without a screen, and waiting for things that happen on the sync thread. */
public final class Tills {
    private Tills() {
    }

    /** Waits until {@code condition} holds (checked every 50 ms); fails naming {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    /** Waits until {@code value} is present, and answers it. */
    public static <T> T awaitValue(String what, Duration timeout, Supplier<Optional<T>> value) {
        return Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(50)).until(value::get,
                Optional::isPresent).orElseThrow();
    }

    /** The menu revision the sync worker cached from the server. */
    public static MenuRevision awaitMenu(AppServices services, Duration timeout) {
        return awaitValue("the menu to be cached", timeout, () -> services.menus().current());
    }

    /** The items of {@code revision} a cashier can sell as takeaway with one tap (no modifier groups). */
    public static List<PricedItem> plainItems(MenuRevision revision) {
        TillMenu menu = TillMenu.of(revision, DispatchType.TakeAway, ZonedDateTime.now(LiveServer.DUBLIN));
        List<PricedItem> items = menu.tabs().stream().flatMap(t -> t.items().stream())
                .filter(i -> i.available() && !i.hasModifiers()).toList();
        if (items.isEmpty()) {
            throw new IllegalStateException("the menu has no item without modifiers");
        }
        return items;
    }

    /** Sale number {@code n}: one plain item (they take turns), quantity 1 to 3, paid in exact cash. */
    public static Order cashSale(MenuRevision revision, int n) {
        List<PricedItem> items = plainItems(revision);
        return order(revision, items.get(n % items.size()), 1 + n % 3);
    }

    /** A takeaway ticket of {@code quantity} x {@code item} on {@code revision}, paid in exact cash. */
    public static Order order(MenuRevision revision, PricedItem item, int quantity) {
        TicketLine line = new TicketLine(UUID.randomUUID(), item, quantity, List.of(), null);
        BigDecimal total = line.total();
        return new Order(DispatchType.TakeAway, null, null, List.of(line), List.of(), List.of(),
                List.of(new Tender(PaymentMethod.Cash, total, total)), revision.menuId(), revision.revisionId(),
                revision.menu().currency());
    }

    /** An item that looks sellable on the till but does not exist in any menu on the server. */
    public static PricedItem ghostItem(String id, BigDecimal price) {
        MenuItem item = new MenuItem(id, id, null, "Ghost item", null, List.of(), false, List.of(), List.of(),
                List.of(), null);
        return new PricedItem(item, price, true, List.of());
    }
}
