package io.brigade.desktop.support;

import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.till.Order;
import io.brigade.desktop.till.PricedItem;
import io.brigade.desktop.till.Receipt;
import io.brigade.desktop.till.Tender;
import io.brigade.desktop.till.TicketLine;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A till in its own JVM, to be killed: opens the data directory given as the first argument, with no server
 * reachable and sync off, rings up sales (at most the second argument) and prints {@code PAID <displayId>}
 * the moment each {@code complete()} returns, i.e. the moment a cashier would be told "paid".
 */
public final class TillChild {
    /** Nothing listens on port 9 (discard) here: every push would fail, which is the point. */
    public static final String DEAD_SERVER = "http://127.0.0.1:9";

    private TillChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        TerminalSettings settings = new TerminalSettings(DEAD_SERVER, "client", "secret", "org", "property",
                "channel", "till-1", false);
        AppServices services = AppServices.start(new AppServices.Options(dir).settings(settings).startSync(false));
        // This till never reaches a server, so it never syncs staff: it gets its own cashier.
        StaffMember cashier = services.staff().add("Ciara", Role.CASHIER, "1111");
        PricedItem item = Tills.ghostItem("item-1", new BigDecimal("3.50"));
        out.println("READY");
        out.flush();
        for (int i = 0; i < count; i++) {
            TicketLine line = new TicketLine(UUID.randomUUID(), item, 1 + i % 3, List.of(), null);
            Order order = new Order(DispatchType.TakeAway, null, null, List.of(line), List.of(), List.of(),
                    List.of(new Tender(PaymentMethod.Cash, line.total(), line.total())), "menu-1", 1, "EUR");
            Receipt receipt = services.checkout().complete(order, cashier);
            out.println("PAID " + receipt.displayId());
            out.flush();
        }
        out.println("DONE");
        out.flush();
        services.close();
    }
}
