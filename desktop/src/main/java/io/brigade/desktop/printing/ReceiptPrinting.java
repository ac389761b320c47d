package io.brigade.desktop.printing;

import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.OutboxRepository;
import io.brigade.desktop.local.PrintQueue;
import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.local.StoreCache;
import io.brigade.desktop.till.Order;
import io.brigade.desktop.till.ReceiptOutput;
import io.brigade.protocol.money.MoneyReport;
import io.brigade.protocol.store.StorePrinter;
import io.brigade.protocol.store.StoreSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The till's receipts: each completed sale's receipt is queued for this PC's receipt printer (opening the drawer when
 * cash was taken), a recent sale's receipt can be printed again, a no-sale opens the drawer alone, and a test page
 * checks a printer. Receipts are in the store's language and currency, from the store's settings as last synced.
 */
public final class ReceiptPrinting implements ReceiptOutput {
    /** This PC's setting: the id of the store printer its receipts go to. */
    public static final String RECEIPT_PRINTER = "printing.receiptPrinter";

    private final Printing printing;
    private final StoreCache store;
    private final Supplier<Optional<String>> chosen;
    private final String device;
    private final String storeName;
    private final ZoneId zone;
    /** The receipts of this PC's recent sales by display id: what the screen shows after a sale. */
    private final java.util.Map<String, Recent> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Recent> eldest) {
                    return size() > 50;
                }
            });

    private record Recent(UUID saleKey, PrintDoc doc) {
    }

    /**
     * {@code chosen} is this PC's receipt printer as set in the back office; {@code storeName} names the store on
     * receipts printed before its settings were ever read.
     */
    public ReceiptPrinting(Printing printing, StoreCache store, Supplier<Optional<String>> chosen, String device,
                           String storeName, ZoneId zone) {
        this.printing = printing;
        this.store = store;
        this.chosen = chosen;
        this.device = device;
        this.storeName = storeName;
        this.zone = zone;
    }

    /**
     * The printer this PC's receipts go to: the one chosen in the back office, else the store's first printer that
     * prints no kitchen station's chits.
     */
    public Optional<StorePrinter> receiptPrinter() {
        List<StorePrinter> all = store.printers();
        Optional<String> id = chosen.get();
        if (id.isPresent()) {
            return all.stream().filter(p -> p.printerId().equals(id.get())).findFirst();
        }
        return all.stream().filter(p -> p.stationIds() == null || p.stationIds().isEmpty()).findFirst();
    }

    /** The store's settings as last synced (a plain default before the first sync). */
    public StoreSettings settings() {
        return store.settings().orElseGet(() -> new StoreSettings(null, storeName, null, null, null, "EUR", "en", null,
                null, null, null));
    }

    /** The receipt of a sale, as it prints. */
    public PrintDoc receipt(UUID key, String displayId, Instant at, Order order, StaffMember staff) {
        return ReceiptLayout.receipt(new SaleSlip(key, displayId, at, device, staff.name(), order), settings(), zone);
    }

    /**
     * The receipt of a sale being stored, as rows kept with it: the sale's one forced write holds its print job too.
     * Nothing when this PC has no receipt printer.
     */
    public OutboxRepository.WithSale saleCompleted(UUID key, String displayId, Instant at, Order order,
                                                   StaffMember staff) {
        PrintDoc doc = receipt(key, displayId, at, order, staff);
        recent.put(displayId, new Recent(key, doc));
        String title = Texts.of(PrintTexts.class, ReceiptLayout.locale(settings())).jobReceipt(displayId);
        return receiptPrinter().map(p -> printing.printWithSale(p.printerId(), Printing.RECEIPT, title, doc,
                receiptKey(key), staff.name())).orElse(OutboxRepository.WithSale.NOTHING);
    }

    /** Prints a sale's receipt again, marked as a reprint; empty when it was never queued on this PC. */
    public Optional<UUID> reprint(UUID saleKey) {
        Optional<PrintQueue.Job> original = printing.recent(500).stream()
                .filter(j -> receiptKey(saleKey).equals(j.jobKey())).findFirst();
        PrintTexts words = Texts.of(PrintTexts.class, ReceiptLayout.locale(settings()));
        return original.flatMap(j -> printing.reprint(j.id(), receiptPrinter().map(StorePrinter::printerId)
                .orElse(j.printerId()), words.reprint() + " "));
    }

    /** The receipt of a recent sale as it prints, as text as wide as the receipt printer's paper. */
    @Override
    public Optional<String> text(String displayId) {
        Recent r = recent.get(displayId);
        int columns = receiptPrinter().map(p -> Lines.columns(p.paperWidth())).orElse(Lines.columns(80));
        return r == null ? Optional.empty() : Optional.of(PlainText.render(r.doc(), columns));
    }

    @Override
    public Optional<String> reprint(String displayId, UUID saleKey) {
        Recent r = recent.get(displayId);
        UUID key = saleKey != null ? saleKey : r == null ? null : r.saleKey();
        Optional<StorePrinter> printer = receiptPrinter();
        if (key == null || printer.isEmpty()) {
            return Optional.empty();
        }
        return reprint(key).map(id -> printer.get().name());
    }

    /**
     * The refund receipt of a sale: the store's head, the refund's title, the order and the date it was sold, its
     * lines as the receipt had them, the amount refunded, the reason and who refunded it; it opens the drawer when the
     * sale was paid in cash (the money goes back).
     */
    @Override
    public Optional<String> refund(String displayId, UUID saleKey, String reason, String staffName) {
        Optional<StorePrinter> printer = receiptPrinter();
        Optional<PrintDoc> original = originalReceipt(displayId, saleKey);
        if (printer.isEmpty() || original.isEmpty()) {
            return Optional.empty();
        }
        StoreSettings s = settings();
        PrintTexts words = Texts.of(PrintTexts.class, ReceiptLayout.locale(s));
        PrintDoc.Builder d = PrintDoc.builder();
        ReceiptLayout.head(d, s, words);
        d.text(words.refundTitle(), PrintDoc.Size.HUGE, true, PrintDoc.Align.CENTER);
        List<PrintDoc.Block> blocks = original.get().blocks();
        // The original's lines (between its second and third rules) and its total, as it printed them.
        int rules = 0;
        String total = null;
        for (PrintDoc.Block b : blocks) {
            if (b.kind() == PrintDoc.Kind.RULE) {
                rules++;
            } else if (rules == 1 && b.kind() == PrintDoc.Kind.TEXT && b.size() != PrintDoc.Size.NORMAL) {
                d.centered(b.text());
            } else if (rules == 1 && b.kind() == PrintDoc.Kind.TEXT) {
                d.add(b);
            } else if (rules == 2) {
                d.add(b);
            } else if (rules == 3 && b.kind() == PrintDoc.Kind.ROW && b.size() == PrintDoc.Size.LARGE) {
                total = b.right();
            }
        }
        d.rule();
        if (total != null) {
            d.row(words.refunded(), total, PrintDoc.Size.LARGE, true);
        }
        if (reason != null && !reason.isBlank()) {
            d.text(words.refundReason(reason.strip()));
        }
        if (staffName != null) {
            d.text(words.servedBy(staffName));
        }
        ReceiptLayout.foot(d, s);
        String title = words.refundTitle() + " " + displayId;
        printing.print(printer.get().printerId(), Printing.REFUND, title, d.openDrawer(original.get().openDrawer())
                .build(), saleKey == null ? null : "refund:" + saleKey, staffName);
        return Optional.of(printer.get().name());
    }

    private Optional<PrintDoc> originalReceipt(String displayId, UUID saleKey) {
        Recent r = recent.get(displayId);
        if (r != null) {
            return Optional.of(r.doc());
        }
        if (saleKey == null) {
            return Optional.empty();
        }
        return printing.recent(500).stream().filter(j -> receiptKey(saleKey).equals(j.jobKey())).findFirst()
                .map(j -> Printing.doc(j.document()));
    }

    /**
     * Prints money control's X or Z report on this PC's receipt printer, in the store's language; empty when this PC
     * has no receipt printer. Each call prints (a second copy of a Z is asked for on purpose); it never opens the
     * drawer.
     */
    public Optional<UUID> report(MoneyReport report, String staffName) {
        StoreSettings s = settings();
        PrintDoc doc = ReportLayout.report(report, s, zone);
        PrintTexts words = Texts.of(PrintTexts.class, ReceiptLayout.locale(s));
        String title = "Z".equalsIgnoreCase(report.type())
                ? words.reportZ(report.zNumber() == null ? 0 : report.zNumber()) : words.reportX();
        return receiptPrinter().map(p -> printing.print(p.printerId(), Printing.REPORT, title, doc, null, staffName));
    }

    /** Opens the cash drawer without a sale (recorded with who opened it). */
    public Optional<UUID> noSale(StaffMember staff) {
        String title = Texts.of(PrintTexts.class, ReceiptLayout.locale(settings())).jobNoSale();
        return receiptPrinter().map(p -> printing.print(p.printerId(), Printing.DRAWER, title,
                PrintDoc.builder().openDrawer(true).build(), null, staff.name()));
    }

    /** A test page for {@code printer}: its name, paper, character table, a line of accents and the store's header. */
    public UUID testPage(StorePrinter printer, String staffName) {
        StoreSettings s = settings();
        PrintTexts words = Texts.of(PrintTexts.class, ReceiptLayout.locale(s));
        PrintDoc.Builder d = PrintDoc.builder();
        ReceiptLayout.head(d, s, words);
        d.text(words.testTitle(), PrintDoc.Size.LARGE, true, PrintDoc.Align.CENTER);
        d.text(words.testPrinter(printer.name()));
        d.text(words.testPaper(printer.paperWidth(), printer.codePage()));
        d.text(words.testCharacters());
        if (printer.drawer() != null) {
            d.text(words.testDrawer());
        }
        d.qr(printer.printerId());
        return printing.print(printer.printerId(), Printing.TEST, words.testTitle(), d.openDrawer(printer.drawer()
                != null).build(), null, staffName);
    }

    static String receiptKey(UUID saleKey) {
        return "receipt:" + saleKey;
    }
}
