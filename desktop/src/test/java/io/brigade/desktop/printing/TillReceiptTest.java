package io.brigade.desktop.printing;

import static io.brigade.desktop.support.Tills.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.local.PrintQueue;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.EscPosReceiver;
import io.brigade.desktop.support.Tills;
import io.brigade.desktop.till.Order;
import io.brigade.desktop.till.Tender;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.money.MoneyReport;
import io.brigade.protocol.money.ZRequest;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.store.StorePrinter;
import io.brigade.protocol.store.StorePrinters;
import io.brigade.protocol.store.StoreSettings;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The till's receipts on a real ESC/POS receiver: a manager sets the store's settings and its receipt printer in the
 * back office, they reach the till with its sync, and each sale paid at the till prints the store's receipt.
 */
class TillReceiptTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Charset CP858 = Charset.forName("cp858");
    @TempDir
    static Path home;
    private static AppServices services;
    private static EscPosReceiver counter;
    private static MenuRevision menu;
    private static StaffMember cashier;

    @BeforeAll
    static void start() throws Exception {
        counter = EscPosReceiver.start();
        services = AppServices.start(new AppServices.Options(home).menuRefresh(Duration.ofMillis(200)));
        menu = Tills.awaitMenu(services, WAIT);
        services.backOffice().remember("9999");
        String query = "?propertyId=" + services.settings().propertyId();
        services.backOffice().put("store/settings" + query, new StoreSettings(null, "Zur Goldenen Gans",
                "Hauptstraße 1\n10115 Berlin", "DE123456789", "+49 30 1234567", "EUR", "de-DE", "Willkommen!",
                "Danke für Ihren Besuch", null, null), StoreSettings.class);
        services.backOffice().put("store/printers" + query, new StorePrinters(null, List.of(new StorePrinter(null,
                "Theke", StorePrinter.NETWORK, counter.address(), 80, "CP858_Euro", List.of(),
                new StorePrinter.CashDrawer(2, 100, 200)))), StorePrinters.class);
        await("the store's settings and printer on the till", WAIT, () -> !services.store().printers().isEmpty()
                && services.store().settings().map(s -> s.restaurantName().equals("Zur Goldenen Gans")).orElse(false));
        cashier = services.staff().signIn("1111").orElseThrow();
    }

    @AfterAll
    static void stop() throws Exception {
        services.close();
        counter.close();
    }

    private static Order paid(PaymentMethod method) {
        Order cash = Tills.cashSale(menu, 1);
        return new Order(cash.dispatch(), cash.tableId(), cash.guests(), cash.lines(), cash.discounts(),
                cash.charges(), List.of(new Tender(method, cash.total(), method == PaymentMethod.Cash
                ? cash.total().add(java.math.BigDecimal.TEN) : cash.total())), cash.menuId(), cash.menuRevisionId(),
                cash.currency());
    }

    private static byte[] nextJob(int before) {
        await("a job at the counter printer", WAIT, () -> counter.jobs().size() > before);
        return counter.jobs().get(before);
    }

    @Test
    void aCashSalePrintsTheStoresReceiptInItsLanguage() {
        int before = counter.jobs().size();
        services.checkout().complete(paid(PaymentMethod.Cash), cashier);

        byte[] job = nextJob(before);
        for (String text : List.of("Zur Goldenen Gans", "Hauptstraße 1", "10115 Berlin", "USt-IdNr. DE123456789",
                "Willkommen!", "Bedient von Ciara", "Enthaltene MwSt.", "MwSt. 13,5%", "Rückgeld", "SUMME", "Bar",
                "Danke für Ihren Besuch", "€")) {
            assertTrue(EscPosReceiver.holds(job, text, CP858), "the receipt holds " + text);
        }
        assertTrue(EscPosReceiver.indexOf(job, new byte[] {0x1b, 't', 19}) >= 0, "CP858 selected");
        assertTrue(EscPosReceiver.indexOf(job, new byte[] {0x1d, '(', 'k'}) >= 0, "a QR code of the sale id");
        assertTrue(EscPosReceiver.indexOf(job, new byte[] {0x1d, 'V', 49}) > 0, "cut at the end");
    }

    @Test
    void aCashSaleOpensTheDrawerWithThePrintersPulse() {
        int before = counter.jobs().size();
        services.checkout().complete(paid(PaymentMethod.Cash), cashier);

        byte[] job = nextJob(before);
        assertTrue(EscPosReceiver.indexOf(job, new byte[] {0x1b, 'p', 48, 50, 100}) >= 0,
                "pin 2, 100 ms on, 200 ms off: " + EscPosReceiver.hex(job));
    }

    @Test
    void aCardSaleLeavesTheDrawerShut() {
        int before = counter.jobs().size();
        services.checkout().complete(paid(PaymentMethod.Credit), cashier);

        byte[] job = nextJob(before);
        assertTrue(EscPosReceiver.holds(job, "Karte", CP858));
        assertEquals(-1, EscPosReceiver.indexOf(job, new byte[] {0x1b, 'p'}), "no drawer pulse");
    }

    @Test
    void aNoSaleOpensTheDrawerAndIsRecordedWithWhoOpenedIt() {
        int before = counter.jobs().size();
        Instant from = Instant.now();

        services.receipts().noSale(cashier);

        byte[] job = nextJob(before);
        assertTrue(EscPosReceiver.indexOf(job, new byte[] {0x1b, 'p', 48, 50, 100}) >= 0);
        assertEquals(-1, EscPosReceiver.indexOf(job, new byte[] {0x1d, 'V'}), "nothing printed, nothing cut");
        await("the opening recorded", WAIT, () -> services.printing().recent(5).stream().anyMatch(j ->
                Printing.DRAWER.equals(j.kind()) && j.state() == PrintQueue.State.PRINTED
                        && "Ciara".equals(j.staffName()) && !j.createdAt().isBefore(from)));
    }

    @Test
    void aZReportPrintsItsNumberAndTotalsOnTheReceiptPrinter() throws Exception {
        int sold = counter.jobs().size();
        services.checkout().complete(paid(PaymentMethod.Cash), cashier);
        nextJob(sold);
        await("the till's sales at the store server", WAIT, () -> services.outbox().pendingSales() == 0);
        String store = "properties/" + services.settings().propertyId();
        MoneyReport x = services.backOffice().get(store + "/x-report", MoneyReport.class);
        MoneyReport z = services.backOffice().post(store + "/z-reports", new ZRequest(x.businessDate()),
                MoneyReport.class);
        int before = counter.jobs().size();

        assertTrue(services.receipts().report(z, "Maeve").isPresent());

        byte[] job = nextJob(before);
        ReceiptLayout.Money euros = new ReceiptLayout.Money(java.util.Locale.GERMANY,
                java.util.Currency.getInstance("EUR"));
        assertTrue(z.netSales().signum() > 0, "the day has takings: " + z.netSales());
        for (String text : List.of("Zur Goldenen Gans", "Z-BERICHT Nr. " + z.zNumber(), "Bruttoumsatz",
                euros.of(z.grossSales()), "Nettoumsatz", euros.of(z.netSales()), "Zahlungen")) {
            assertTrue(EscPosReceiver.holds(job, text, CP858), "the Z report holds " + text);
        }
        assertEquals(-1, EscPosReceiver.indexOf(job, new byte[] {0x1b, 'p'}), "a report leaves the drawer shut");
        assertTrue(EscPosReceiver.indexOf(job, new byte[] {0x1d, 'V', 49}) > 0, "cut at the end");
    }

    @Test
    void aRefundedSalePrintsARefundReceiptWithTheReason() {
        int before = counter.jobs().size();
        services.checkout().complete(paid(PaymentMethod.Credit), cashier);
        nextJob(before);
        io.brigade.desktop.local.OutboxEntry sale = services.outbox().recentSales(1).get(0);

        assertTrue(services.receipts().refund(sale.displayId(), sale.id(), "falsche Bestellung", "Maeve")
                .isPresent());

        byte[] refund = nextJob(before + 1);
        for (String text : List.of("ERSTATTUNG", "Erstattet", "Grund: falsche Bestellung", "Bestellung "
                + sale.displayId())) {
            assertTrue(EscPosReceiver.holds(refund, text, CP858), "the refund receipt holds " + text);
        }
    }

    @Test
    void aReceiptPrintedAgainIsMarkedAsAReprintAndLeavesTheDrawerShut() {
        int before = counter.jobs().size();
        services.checkout().complete(paid(PaymentMethod.Cash), cashier);
        nextJob(before);
        java.util.UUID sale = services.outbox().recentSales(1).get(0).id();

        assertTrue(services.receipts().reprint(sale).isPresent());

        byte[] again = nextJob(before + 1);
        assertTrue(EscPosReceiver.holds(again, "NACHDRUCK", CP858));
        assertTrue(EscPosReceiver.holds(again, "SUMME", CP858));
        assertFalse(EscPosReceiver.indexOf(again, new byte[] {0x1b, 'p'}) >= 0, "a reprint opens no drawer");
    }
}
