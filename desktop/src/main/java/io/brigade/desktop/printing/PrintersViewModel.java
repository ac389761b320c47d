package io.brigade.desktop.printing;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.protocol.kitchen.KitchenStations;
import io.brigade.protocol.store.StorePrinter;
import io.brigade.protocol.store.StorePrinters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager's list of the store's printers and the form of the one being edited: how it is reached, its paper and
 * character table, the kitchen stations whose chits it prints, its cash drawer. {@link #save()} sends the whole list
 * (the server checks it); {@link #testPage()} prints on the printer being edited; this PC's receipt printer is a
 * setting of this PC.
 */
public final class PrintersViewModel {
    private final BackOfficeClient office;
    private final String propertyId;
    private final Background background;
    private final PrinterSetupTexts texts;
    private final Consumer<StorePrinters> saved;
    private final Supplier<Optional<String>> receiptPrinter;
    private final Consumer<String> chooseReceiptPrinter;
    private final TestPage testPage;
    private final ObservableList<StorePrinter> printers = FXCollections.observableArrayList();
    private final ObservableList<KitchenStation> stations = FXCollections.observableArrayList();
    private final ObjectProperty<StorePrinter> editing = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty connection = new SimpleStringProperty(StorePrinter.NETWORK);
    private final StringProperty address = new SimpleStringProperty("");
    private final ObjectProperty<Integer> paperWidth = new SimpleObjectProperty<>(80);
    /** The character table of a new printer: Latin with the euro sign. */
    static final String DEFAULT_CODE_PAGE = "CP858_Euro";
    private final StringProperty codePage = new SimpleStringProperty(DEFAULT_CODE_PAGE);
    private final ObservableList<String> stationIds = FXCollections.observableArrayList();
    private final BooleanProperty drawer = new SimpleBooleanProperty(false);
    private final ObjectProperty<Integer> drawerPin = new SimpleObjectProperty<>(2);
    private final StringProperty drawerOnMs = new SimpleStringProperty("100");
    private final StringProperty drawerOffMs = new SimpleStringProperty("200");
    private final ObjectProperty<String> receiptPrinterId = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private List<StorePrinter> shownList = List.of();
    private List<Object> shownForm = form();

    /** Prints a test page on a printer (this PC's queue). */
    @FunctionalInterface
    public interface TestPage {
        void print(StorePrinter printer);
    }

    public PrintersViewModel(BackOfficeClient office, String propertyId, Background background,
                             PrinterSetupTexts texts, Consumer<StorePrinters> saved,
                             Supplier<Optional<String>> receiptPrinter, Consumer<String> chooseReceiptPrinter,
                             TestPage testPage) {
        this.office = office;
        this.propertyId = propertyId;
        this.background = background;
        this.texts = texts;
        this.saved = saved;
        this.receiptPrinter = receiptPrinter;
        this.chooseReceiptPrinter = chooseReceiptPrinter;
        this.testPage = testPage;
    }

    /**
     * Reads the store's printers and kitchen stations (the tab was opened). While the manager has changed the list or
     * the form since the last read, their changes stay and only the stations are read: a late read never takes typing
     * away.
     */
    public void refresh() {
        read(false);
    }

    /** Reads the store's printers and kitchen stations again, dropping what was not saved (the manager's Reload). */
    public void reload() {
        read(true);
    }

    private void read(boolean dropEdits) {
        background.run(() -> new Loaded(office.get(path("store/printers"), StorePrinters.class),
                office.get(path("kitchen/stations"), KitchenStations.class)), loaded -> {
            stations.setAll(loaded.stations().stations());
            receiptPrinterId.set(receiptPrinter.get().orElse(null));
            if (!dropEdits && edited()) {
                message.set(texts.editsKept());
                return;
            }
            printers.setAll(loaded.printers().printers());
            shownList = List.copyOf(printers);
            edit(printers.isEmpty() ? null : printers.get(0));
            message.set(printers.isEmpty() ? texts.noPrinters() : "");
        }, e -> message.set(Refusals.describe(e)));
    }

    /** True when the list or the form differs from what the manager was last shown. */
    private boolean edited() {
        return !printers.equals(shownList) || !form().equals(shownForm);
    }

    /** What the form holds, to tell whether the manager changed it. */
    private List<Object> form() {
        return java.util.Arrays.asList(name.get(), connection.get(), address.get(), paperWidth.get(), codePage.get(),
                List.copyOf(stationIds), drawer.get(), drawerPin.get(), drawerOnMs.get(), drawerOffMs.get());
    }

    private record Loaded(StorePrinters printers, KitchenStations stations) {
    }

    /** Shows {@code p} in the form (null: an empty form for a new printer). */
    public void edit(StorePrinter p) {
        editing.set(p);
        name.set(p == null ? "" : p.name());
        connection.set(p == null ? StorePrinter.NETWORK : p.connection());
        address.set(p == null ? "" : p.address());
        paperWidth.set(p == null ? 80 : p.paperWidth());
        codePage.set(p == null ? DEFAULT_CODE_PAGE : p.codePage());
        stationIds.setAll(p == null || p.stationIds() == null ? List.of() : p.stationIds());
        drawer.set(p != null && p.drawer() != null);
        StorePrinter.CashDrawer d = p == null || p.drawer() == null ? StorePrinter.CashDrawer.STANDARD : p.drawer();
        drawerPin.set(d.pin());
        drawerOnMs.set(String.valueOf(d.onMs()));
        drawerOffMs.set(String.valueOf(d.offMs()));
        shownForm = form();
    }

    /** Puts the form into the list (a new printer is added at the end); nothing is sent before {@link #save()}. */
    public boolean apply() {
        if (name.get() == null || name.get().isBlank()) {
            message.set(texts.nameNeeded());
            return false;
        }
        StorePrinter.CashDrawer d = null;
        if (drawer.get()) {
            Integer on = number(drawerOnMs.get());
            Integer off = number(drawerOffMs.get());
            if (on == null || off == null) {
                message.set(texts.drawerTimesNeeded());
                return false;
            }
            d = new StorePrinter.CashDrawer(drawerPin.get(), on, off);
        }
        StorePrinter current = editing.get();
        StorePrinter next = new StorePrinter(current == null ? null : current.printerId(), name.get().strip(),
                connection.get(), address.get() == null ? "" : address.get().strip(), paperWidth.get(), codePage.get(),
                List.copyOf(stationIds), d);
        int at = current == null ? -1 : printers.indexOf(current);
        if (at >= 0) {
            printers.set(at, next);
        } else {
            printers.add(next);
        }
        editing.set(next);
        message.set(texts.applied(next.name()));
        return true;
    }

    /** Removes the printer being edited from the list. */
    public void remove() {
        StorePrinter current = editing.get();
        if (current != null) {
            printers.remove(current);
            edit(printers.isEmpty() ? null : printers.get(0));
            message.set(texts.removed(current.name()));
        }
    }

    /** Sends the list; the server's refusal names the printer and the field. */
    public void save() {
        if (!apply()) {
            return;
        }
        String editedName = name.get().strip();
        StorePrinters body = new StorePrinters(propertyId, List.copyOf(printers));
        background.run(() -> office.put(path("store/printers"), body, StorePrinters.class), s -> {
            printers.setAll(s.printers());
            shownList = List.copyOf(printers);
            s.printers().stream().filter(p -> p.name().equals(editedName)).findFirst().ifPresent(this::edit);
            saved.accept(s);
            message.set(texts.printersSaved());
        }, e -> message.set(Refusals.describe(e)));
    }

    /** Prints a test page on the printer as saved; a printer not saved yet is saved first. */
    public void testPage() {
        StorePrinter current = editing.get();
        if (current == null || current.printerId() == null) {
            message.set(texts.saveBeforeTest());
            return;
        }
        testPage.print(current);
        message.set(texts.testQueued(current.name()));
    }

    /** This PC's receipts go to {@code printerId} from now on. */
    public void chooseReceiptPrinter(String printerId) {
        receiptPrinterId.set(printerId);
        chooseReceiptPrinter.accept(printerId);
        printers.stream().filter(p -> p.printerId() != null && p.printerId().equals(printerId)).findFirst()
                .ifPresent(p -> message.set(texts.receiptsOn(p.name())));
    }

    /** Station names by id, in the store's order. */
    public Map<String, String> stationNames() {
        Map<String, String> out = new LinkedHashMap<>();
        stations.forEach(s -> out.put(s.id(), s.name()));
        return out;
    }

    private static Integer number(String text) {
        try {
            return Integer.valueOf(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String path(String what) {
        return what + "?propertyId=" + URLEncoder.encode(propertyId, StandardCharsets.UTF_8);
    }

    public ObservableList<StorePrinter> printers() {
        return printers;
    }

    public ObservableList<KitchenStation> stations() {
        return stations;
    }

    public ObjectProperty<StorePrinter> editingProperty() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty connectionProperty() {
        return connection;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public ObjectProperty<Integer> paperWidthProperty() {
        return paperWidth;
    }

    public StringProperty codePageProperty() {
        return codePage;
    }

    /** The kitchen stations whose chits the printer being edited prints. */
    public ObservableList<String> stationIds() {
        return stationIds;
    }

    public BooleanProperty drawerProperty() {
        return drawer;
    }

    public ObjectProperty<Integer> drawerPinProperty() {
        return drawerPin;
    }

    public StringProperty drawerOnMsProperty() {
        return drawerOnMs;
    }

    public StringProperty drawerOffMsProperty() {
        return drawerOffMs;
    }

    /** This PC's receipt printer (its id), as set on this PC. */
    public ObjectProperty<String> receiptPrinterIdProperty() {
        return receiptPrinterId;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The printers as listed (for the receipt printer's choice). */
    public List<StorePrinter> saved() {
        return new ArrayList<>(printers);
    }
}
