package io.brigade.desktop.money;

import static io.brigade.desktop.support.Tills.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.EscPosReceiver;
import io.brigade.desktop.support.Tills;
import io.brigade.protocol.money.Approval;
import io.brigade.protocol.money.MoneyReport;
import io.brigade.protocol.store.StorePrinter;
import io.brigade.protocol.store.StorePrinters;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A no-sale at the till's drawer: the receipt printer opens the drawer, and money control counts the opening. */
class NoSaleDrawerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path home;
    private AppServices services;
    private EscPosReceiver counter;

    @BeforeEach
    void tillWithADrawerOnItsPrinter() throws Exception {
        counter = EscPosReceiver.start();
        services = AppServices.start(new AppServices.Options(home).menuRefresh(Duration.ofMillis(200)));
        Tills.awaitMenu(services, WAIT);
        services.backOffice().remember("9999");
        services.backOffice().put("store/printers?propertyId=" + services.settings().propertyId(),
                new StorePrinters(null, List.of(new StorePrinter(null, "Counter", StorePrinter.NETWORK,
                        counter.address(), 80, "CP858_Euro", List.of(), new StorePrinter.CashDrawer(2, 100, 200)))),
                StorePrinters.class);
        await("the printer on the till", WAIT, () -> !services.store().printers().isEmpty());
    }

    @AfterEach
    void close() throws Exception {
        services.close();
        counter.close();
    }

    /** The shift's no-sale openings on the store server's X report (-1 while it cannot be read). */
    private int noSales(String shiftId) {
        try {
            return services.backOffice().get("properties/" + services.settings().propertyId() + "/x-report",
                    MoneyReport.class).cash().stream().filter(c -> shiftId.equals(c.shiftId()))
                    .mapToInt(MoneyReport.Cash::noSales).findFirst().orElse(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Test
    void aNoSaleOpensTheDrawerThroughThePrinterAndIsCountedOnTheShift() throws Exception {
        StaffMember cashier = services.staff().signIn("1111").orElseThrow();
        Drawer drawer = services.drawer();
        String shiftId = drawer.open(new BigDecimal("100.00"), cashier).shiftId();
        Approval manager = drawer.approve("NO_SALE", null, "no sale", "change for the car park", "9999", cashier);
        int before = counter.jobs().size();

        drawer.noSale("change for the car park", manager.approvalId(), cashier);

        await("the drawer's pulse at the printer", WAIT, () -> counter.jobs().size() > before);
        byte[] job = counter.jobs().get(before);
        assertTrue(EscPosReceiver.indexOf(job, new byte[] {0x1b, 'p', 48, 50, 100}) >= 0, EscPosReceiver.hex(job));
        await("the no-sale counted on the shift", WAIT, () -> noSales(shiftId) == 1);
        // The till marks its row sent once the store's answer is back, which may be after the report counts it.
        await("nothing of the shift left to send", WAIT, () -> services.outbox().pendingMoney() == 0);
    }
}
