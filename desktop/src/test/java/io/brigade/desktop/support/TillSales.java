package io.brigade.desktop.support;

import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.till.CheckoutService;
import io.brigade.desktop.till.Order;
import io.brigade.desktop.till.PricedItem;
import io.brigade.desktop.till.Receipt;
import io.brigade.desktop.till.Tender;
import io.brigade.desktop.till.TicketLine;
import io.brigade.desktop.till.TillMenu;
import io.brigade.protocol.analytics.AnalyticsEventType;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.SaleDiscount;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Known sales for the dashboard's tests, rung through the till's own checkout (local outbox, then the sync
 * worker sends them to the server), optionally at another moment than now.
 */
public final class TillSales {
    private static final StaffMember MANAGER = new StaffMember("fixture-manager", "Maeve", Role.MANAGER);
    private final AppServices services;

    public TillSales(AppServices services) {
        this.services = services;
    }

    /** One ticket line: quantity, the item's caption and the captions of its options. */
    public record Line(int quantity, String caption, List<String> options) {
    }

    public static Line line(int quantity, String caption, String... options) {
        return new Line(quantity, caption, List.of(options));
    }

    /** Rings a takeaway sale paid in cash, at {@code at} (null: now), with an optional spot discount. */
    public Receipt ring(Instant at, BigDecimal discount, Line... lines) {
        MenuRevision revision = menu();
        Clock clock = at == null ? services.clock() : Clock.fixed(at, ZoneOffset.UTC);
        TillMenu menu = TillMenu.of(revision, DispatchType.TakeAway, clock.instant().atZone(LiveServer.DUBLIN));
        List<TicketLine> ticket = new ArrayList<>();
        for (Line l : lines) {
            PricedItem item = menu.search(l.caption()).stream().filter(i -> i.caption().equals(l.caption()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no item " + l.caption()));
            List<TicketLine.Modifier> mods = new ArrayList<>();
            for (String option : l.options()) {
                mods.add(modifier(menu, item, option));
            }
            ticket.add(new TicketLine(UUID.randomUUID(), item, l.quantity(), List.copyOf(mods), null));
        }
        List<SaleDiscount> discounts = discount == null ? List.of()
                : List.of(new SaleDiscount(DiscountType.Spot, discount, null));
        Order unpaid = new Order(DispatchType.TakeAway, null, null, ticket, discounts, List.of(), List.of(),
                revision.menuId(), revision.revisionId(), revision.menu().currency());
        Order paid = new Order(DispatchType.TakeAway, null, null, ticket, discounts, List.of(),
                List.of(new Tender(PaymentMethod.Cash, unpaid.total(), unpaid.total())), revision.menuId(),
                revision.revisionId(), revision.menu().currency());
        CheckoutService checkout = at == null ? services.checkout()
                : new CheckoutService(services.outbox(), services.settings(), services.events(), clock,
                        services.sync()::nudge);
        return checkout.complete(paid, MANAGER);
    }

    /** Cancels a sale rung here (after it reached the server) as a manager. */
    public void cancel(Receipt receipt, String reason) {
        OutboxEntry sale = services.outbox().recentSales(100).stream()
                .filter(e -> e.displayId().equals(receipt.displayId())).findFirst().orElseThrow();
        services.checkout().cancel(sale, reason, MANAGER);
    }

    /** Client events of a meal as the till records them: views, a customisation, adds to cart. */
    public void browse(String caption, int views, int customizations, int adds) {
        String id = menu().menu().categories().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.caption().equals(caption)).findFirst().orElseThrow().id();
        for (int i = 0; i < views; i++) {
            services.events().record(AnalyticsEventType.MEAL_VIEWED, id, null, null, null, MANAGER.staffId());
        }
        for (int i = 0; i < customizations; i++) {
            services.events().record(AnalyticsEventType.MEAL_CUSTOMIZED, id, null, null, null, MANAGER.staffId());
        }
        for (int i = 0; i < adds; i++) {
            services.events().record(AnalyticsEventType.MEAL_ADDED_TO_CART, id, null, 1, null, MANAGER.staffId());
        }
    }

    /** Waits until the server holds every sale, cancellation and event queued here. */
    public void awaitSent(Duration within) {
        Awaitility.await("the fixture to reach the server").atMost(within).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (services.outbox().parkedCount() > 0) {
                        throw new AssertionError("the server refused a fixture sale: " + services.outbox().parked());
                    }
                    services.sync().nudge();
                    return services.outbox().pendingSales() == 0 && services.outbox().nextEvents(1).isEmpty();
                });
    }

    private MenuRevision menu() {
        return Awaitility.await("a menu from the server").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    services.sync().nudge();
                    return services.menus().current();
                }, java.util.Optional::isPresent).orElseThrow();
    }

    private static TicketLine.Modifier modifier(TillMenu menu, PricedItem item, String caption) {
        for (ModifierGroup g : item.groups()) {
            for (MenuItem option : g.items()) {
                if (option.caption().equals(caption)) {
                    boolean addOn = g.min() == null || g.min() == 0;
                    return new TicketLine.Modifier(option.id(), caption, menu.modifierPrice(option,
                            DispatchType.TakeAway), addOn);
                }
            }
        }
        throw new IllegalArgumentException("no option " + caption + " on " + item.caption());
    }
}
