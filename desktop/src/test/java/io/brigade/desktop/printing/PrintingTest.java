package io.brigade.desktop.printing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.local.LocalDatabase;
import io.brigade.desktop.local.PrintQueue;
import io.brigade.desktop.support.EscPosReceiver;
import io.brigade.protocol.store.StorePrinter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Print jobs through the durable queue to a real ESC/POS receiver on a TCP port: what arrives, and when. */
class PrintingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Charset CP858 = Charset.forName("cp858");
    @TempDir
    Path dir;
    private LocalDatabase db;
    private EscPosReceiver grill;
    private EscPosReceiver bar;
    private final List<StorePrinter> printers = new CopyOnWriteArrayList<>();
    private final List<List<Printing.PrinterState>> states = new CopyOnWriteArrayList<>();
    private Printing printing;

    @BeforeEach
    void open() throws Exception {
        db = LocalDatabase.open(Files.createDirectories(dir.resolve("till")));
        grill = EscPosReceiver.start();
        bar = EscPosReceiver.start();
        printers.add(new StorePrinter("grill", "Grill", StorePrinter.NETWORK, grill.address(), 80, "CP858_Euro",
                List.of("grill"), new StorePrinter.CashDrawer(5, 120, 240)));
        printers.add(new StorePrinter("bar", "Bar", StorePrinter.NETWORK, bar.address(), 58, "WPC1252",
                List.of("bar"), null));
        printing = start();
    }

    private Printing start() {
        Printing p = new Printing(new PrintQueue(db), () -> printers, PrinterLink.defaults(), Clock.systemUTC(),
                Duration.ofMillis(200)).start();
        p.onStatus(states::add);
        return p;
    }

    @AfterEach
    void close() throws Exception {
        printing.close();
        grill.close();
        bar.close();
        db.close();
    }

    private static PrintDoc doc(String... lines) {
        PrintDoc.Builder b = PrintDoc.builder();
        for (String l : lines) {
            b.text(l);
        }
        return b.build();
    }

    @Test
    void aJobArrivesWithItsTextInThePrintersCodePageAndEndsWithACut() {
        printing.print("grill", Printing.RECEIPT, "Receipt 0001", doc("Zur Goldenen Gans", "Käsespätzle 12,50 €"),
                null, "Ciara");

        await().atMost(WAIT).until(() -> grill.jobs().size() == 1);
        byte[] job = grill.jobs().get(0);
        assertEquals(0, EscPosReceiver.indexOf(job, new byte[] {0x1b, '@'}), "starts by resetting the printer");
        assertTrue(EscPosReceiver.indexOf(job, new byte[] {0x1b, 't', 19}) >= 0, "selects CP858: " + EscPosReceiver
                .hex(job));
        assertTrue(EscPosReceiver.holds(job, "Käsespätzle 12,50 €", CP858), "the text in CP858");
        assertFalse(EscPosReceiver.holds(job, "?", CP858), "nothing replaced by question marks");
        byte[] cut = {0x1d, 'V', 49};
        assertEquals(job.length - cut.length, EscPosReceiver.indexOf(job, cut), "ends with a partial cut");
        assertTrue(bar.jobs().isEmpty());
    }

    @Test
    void aDocumentThatOpensTheDrawerPulsesThePrintersPinWithItsTimings() {
        printing.print("grill", Printing.RECEIPT, "Receipt 0002", PrintDoc.builder().text("Cash").openDrawer(true)
                .build(), null, "Ciara");

        await().atMost(WAIT).until(() -> grill.jobs().size() == 1);
        byte[] job = grill.jobs().get(0);
        int pulse = EscPosReceiver.indexOf(job, new byte[] {0x1b, 'p', 49, 60, 120});
        assertTrue(pulse >= 0, "ESC p on pin 5, 120 ms on, 240 ms off: " + EscPosReceiver.hex(job));
        assertTrue(pulse < EscPosReceiver.indexOf(job, "Cash".getBytes(CP858)), "the drawer opens before printing");
    }

    @Test
    void aJobForAPrinterThatIsOffWaitsAndShowsThenPrintsExactlyOnceWhenItIsBack() throws Exception {
        grill.off();

        printing.print("grill", Printing.CHIT, "Grill T4", doc("1 x Burger"), null, "Ciara");

        await().atMost(WAIT).until(() -> state("grill").trouble() == PrinterLink.Trouble.UNREACHABLE);
        assertEquals(1, state("grill").waitingTotal(), "the chit waits");
        grill.on();
        await().atMost(WAIT).until(() -> grill.jobs().size() == 1);
        await().atMost(WAIT).until(() -> state("grill").trouble() == null && state("grill").waitingTotal() == 0);
        printing.print("grill", Printing.CHIT, "Grill T5", doc("1 x Fries"), null, "Ciara");
        await().atMost(WAIT).until(() -> grill.jobs().size() == 2);
        assertTrue(EscPosReceiver.holds(grill.jobs().get(0), "1 x Burger", CP858));
        assertTrue(EscPosReceiver.holds(grill.jobs().get(1), "1 x Fries", CP858),
                "the next job is the new chit: the first printed once");
        assertFalse(EscPosReceiver.holds(grill.jobs().get(1), "1 x Burger", CP858));
    }

    @Test
    void aPrinterOutOfPaperIsNotSentTheJob() throws Exception {
        grill.paperOut(true);

        printing.print("grill", Printing.RECEIPT, "Receipt 0003", doc("Paid"), null, "Ciara");

        await().atMost(WAIT).until(() -> state("grill").trouble() == PrinterLink.Trouble.NO_PAPER);
        assertTrue(grill.jobs().isEmpty(), "nothing was sent to a printer without paper");
        grill.paperOut(false);
        await().atMost(WAIT).until(() -> grill.jobs().size() == 1);
    }

    @Test
    void textTheCodePageCannotHoldPrintsAsAnImage() {
        printing.print("bar", Printing.CHIT, "Bar", doc("1 x Ελληνικός καφές"), null, "Ciara");

        await().atMost(WAIT).until(() -> bar.jobs().size() == 1);
        byte[] job = bar.jobs().get(0);
        assertTrue(EscPosReceiver.indexOf(job, new byte[] {0x1d, 'v', '0'}) >= 0, "a raster image (GS v 0)");
        assertFalse(EscPosReceiver.holds(job, "1 x ?", Charset.forName("cp1252")), "no question marks");
    }

    @Test
    void redirectedJobsPrintOnTheOtherPrinter() throws Exception {
        grill.off();
        printing.print("grill", Printing.CHIT, "Grill T6", doc("2 x Steak"), null, "Ciara");
        await().atMost(WAIT).until(() -> state("grill").trouble() != null);

        assertEquals(1, printing.redirect("grill", "bar"));

        await().atMost(WAIT).until(() -> bar.jobs().size() == 1);
        assertTrue(EscPosReceiver.holds(bar.jobs().get(0), "2 x Steak", Charset.forName("cp1252")));
        assertEquals(0, state("grill").waitingTotal());
    }

    @Test
    void queuingTheSameJobKeyTwiceQueuesOneJob() {
        java.util.UUID first = printing.print("grill", Printing.CHIT, "Grill T7", doc("1 x Soup"), "chit:t7:grill",
                "Ciara");
        java.util.UUID again = printing.print("grill", Printing.CHIT, "Grill T7", doc("1 x Soup"), "chit:t7:grill",
                "Ciara");

        assertEquals(first, again);
        await().atMost(WAIT).until(() -> grill.jobs().size() == 1);
        await().atMost(WAIT).until(() -> state("grill").waitingTotal() == 0);
    }

    @Test
    void aJobCutOffWhileSendingIsUnsureAfterARestartAndNotSentAgainByItself() throws Exception {
        PrintQueue queue = new PrintQueue(db);
        printing.close();
        grill.off();
        java.util.UUID id = queue.enqueue(new PrintQueue.NewJob(java.util.UUID.randomUUID(), null, "grill",
                Printing.CHIT, "Grill T8", Printing.json(doc("1 x Pie")), false, "Ciara", java.time.Instant.now()));
        assertTrue(queue.claim(id, "grill"), "being sent when the app stopped");
        grill.on();

        printing = start();

        assertEquals(PrintQueue.State.UNSURE, queue.find(id).orElseThrow().state());
        assertEquals(1, state("grill").unsure());
        printing.print("grill", Printing.CHIT, "Grill T9", doc("1 x Tart"), null, "Ciara");
        await().atMost(WAIT).until(() -> grill.jobs().size() == 1);
        assertTrue(EscPosReceiver.holds(grill.jobs().get(0), "1 x Tart", CP858), "only the new job printed");
    }

    private Printing.PrinterState state(String printerId) {
        List<Printing.PrinterState> last = states.get(states.size() - 1);
        Printing.PrinterState s = last.stream().filter(p -> p.printerId().equals(printerId)).findFirst().orElse(null);
        assertNotNull(s, printerId + " in " + last);
        return s;
    }
}
