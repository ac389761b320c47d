package io.brigade.desktop.till;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.fx.Money;
import io.brigade.desktop.fx.Ticker;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.money.TillMoney;
import io.brigade.protocol.sales.DispatchType;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;

/** Binds the till screen to {@link TillViewModel}; it builds the item buttons and opens dialogs, nothing more. */
public final class TillController {
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);
    @FXML private BorderPane root;
    @FXML private ToggleButton dineIn;
    @FXML private ToggleButton takeAway;
    @FXML private Label tableLabel;
    @FXML private TextField table;
    @FXML private Label guestsLabel;
    @FXML private Spinner<Integer> guests;
    @FXML private TextField search;
    @FXML private Label pendingQuantity;
    @FXML private Label menuInfo;
    @FXML private Button recentSales;
    @FXML private Button drawerButton;
    private TillMoney money;
    @FXML private ToggleButton snoozeMode;
    @FXML private TabPane categories;
    @FXML private ListView<TicketLine> ticket;
    @FXML private CheckBox serviceCharge;
    @FXML private Label subtotal;
    @FXML private Label discounts;
    @FXML private Label charges;
    @FXML private Label total;
    @FXML private Label balance;
    @FXML private ListView<Tender> tenders;
    @FXML private TextField amount;
    @FXML private Label message;
    @FXML private Label channelBanner;
    @FXML private ToggleButton tables;
    @FXML private javafx.scene.layout.HBox checkBar;
    @FXML private Label checkHeader;
    @FXML private Label checkDetail;
    // The once-a-second work of this screen (snooze expiries, the open check and the floor read again).
    private final List<javafx.animation.Timeline> tickers = new java.util.ArrayList<>();
    @FXML private ListView<io.brigade.protocol.checks.Check.Line> checkLines;
    @FXML private FlowPane tableActions;
    @FXML private Spinner<Integer> seat;
    @FXML private Label seatLabel;
    @FXML private FlowPane adjustments;
    @FXML private Label ticketTitle;
    @FXML private javafx.scene.layout.HBox saleButtons;
    @FXML private Button holdButton;
    @FXML private Button leaveButton;
    @FXML private Button fireNextButton;
    @FXML private Button splitButton;
    @FXML private Button voidLineButton;
    @FXML private javafx.scene.layout.GridPane totals;
    @FXML private javafx.scene.layout.VBox ticketPane;
    private io.brigade.desktop.tables.CheckBook checkBook;
    private io.brigade.desktop.tables.FloorViewModel floor;
    private io.brigade.desktop.tables.FloorPane floorPane;
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private int shared = -1;
    // Every item button built, by item id, so a snooze change re-greys them without rebuilding tabs.
    private final java.util.Map<String, List<Button>> itemButtons = new java.util.HashMap<>();
    private TillViewModel model;
    private CheckoutService checkout;
    private Background background;
    private ZoneId zone;
    private Tab searchTab;

    private ReceiptOutput receiptOutput = ReceiptOutput.NONE;

    /** This PC's printing, for the receipt shown after a sale (the store's receipt, and printing it again). */
    public void receiptOutput(ReceiptOutput output) {
        this.receiptOutput = output;
    }

    public void bind(TillViewModel model, CheckoutService checkout, Background background, ZoneId zone) {
        this.model = model;
        this.checkout = checkout;
        this.background = background;
        this.zone = zone;
        // Managers only: the next item tap snoozes it until closing (or puts a snoozed one back on sale).
        snoozeMode.selectedProperty().bindBidirectional(model.snoozeModeProperty());
        snoozeMode.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.staffProperty().get() != null
                && model.staffProperty().get().role() == Role.MANAGER, model.staffProperty()));
        snoozeMode.managedProperty().bind(snoozeMode.visibleProperty());
        snoozeMode.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                model.tell(TEXTS.snoozeModeHint());
            }
        });
        ToggleGroup dispatch = new ToggleGroup();
        dineIn.setToggleGroup(dispatch);
        takeAway.setToggleGroup(dispatch);
        dispatch.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always on
                return;
            }
            model.setDispatch(now == dineIn ? DispatchType.DineIn : DispatchType.TakeAway);
        });
        // The toggles follow the model too: a table opened, or a takeaway check taken again, sets the dispatch type.
        model.dispatchProperty().addListener((o, was, now) -> {
            ToggleButton shown = now == DispatchType.TakeAway ? takeAway : dineIn;
            if (!shown.isSelected()) {
                shown.setSelected(true);
            }
            if (checkBook != null) {
                showCheckBar(model.checkProperty().get());
            }
        });
        table.textProperty().bindBidirectional(model.tableProperty());
        table.visibleProperty().bind(dineIn.selectedProperty());
        tableLabel.visibleProperty().bind(dineIn.selectedProperty());
        guests.visibleProperty().bind(dineIn.selectedProperty());
        guestsLabel.visibleProperty().bind(dineIn.selectedProperty());
        guests.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 40, 2));
        guests.valueProperty().addListener((o, a, b) -> model.guestsProperty().set(b));
        serviceCharge.selectedProperty().bindBidirectional(model.serviceChargeProperty());
        recentSales.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.staffProperty().get() != null && model.staffProperty().get().isManager(),
                model.staffProperty()));

        model.menuProperty().addListener((o, a, menu) -> showMenu(menu));
        showMenu(model.menuProperty().get());
        search.textProperty().addListener((o, a, text) -> showSearch(text));

        ticket.setItems(model.lines());
        ticket.setCellFactory(v -> new TicketCell());
        // The line just added is the one the cashier looks for: keep it in view.
        io.brigade.desktop.fx.Lists.keepNewestInView(ticket);
        // Typing a number into Guests is the number of guests, not a quantity for the next item.
        guests.setEditable(true);
        guests.getEditor().setPrefColumnCount(2);
        tenders.setItems(model.tenders());
        model.tenders().addListener((javafx.collections.ListChangeListener<Tender>) change -> showTenders());
        showTenders();
        tenders.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Tender t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : (t.method() == io.brigade.protocol.sales.PaymentMethod.Cash
                        ? (t.change().signum() > 0 ? TEXTS.tenderCashWithChange(model.format(t.tendered()),
                        model.format(t.change())) : TEXTS.tenderCash(model.format(t.tendered())))
                        : TEXTS.tenderCard(model.format(t.amount()))));
            }
        });

        subtotal.textProperty().bind(money(model.subtotalProperty()));
        total.textProperty().bind(money(model.totalProperty()));
        balance.textProperty().bind(money(model.balanceProperty()));
        discounts.textProperty().bind(money(model.discountTotalProperty()));
        charges.textProperty().bind(money(model.chargeTotalProperty()));
        message.textProperty().bind(model.messageProperty());
        // Good news is green, a refusal red; an empty message takes no room from the lists above it.
        model.messageGoodProperty().addListener((o, was, good) -> showMessageKind(good));
        showMessageKind(model.messageGoodProperty().get());
        message.managedProperty().bind(model.messageProperty().isNotEmpty());
        pendingQuantity.textProperty().bind(Bindings.createStringBinding(
                () -> model.pendingQuantityProperty().get() > 0 ? "× " + model.pendingQuantityProperty().get() : "",
                model.pendingQuantityProperty()));
        model.lastReceiptProperty().addListener((o, a, receipt) -> {
            if (receipt != null) {
                amount.clear();
                ReceiptDialog.show(root.getScene().getWindow(), receipt, zone, receiptOutput);
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);

        channelBanner.textProperty().bind(model.channelBannerProperty());
        channelBanner.visibleProperty().bind(model.channelBannerProperty().isNotEmpty());
        channelBanner.managedProperty().bind(channelBanner.visibleProperty());
        model.snoozedItemsProperty().addListener((o, a, b) -> itemButtons.values()
                .forEach(buttons -> buttons.forEach(this::showSnooze)));
        // Timed snoozes end by the clock, online or not.
        tickers.add(Ticker.whileShown(channelBanner, javafx.util.Duration.seconds(1), model::tick));
    }

    /** Stops this screen's once-a-second work: the app is closing, and the stores it reads are being closed. */
    public void stop() {
        tickers.forEach(javafx.animation.Timeline::stop);
    }

    /** Whether this screen still reads anything once a second. */
    public boolean ticking() {
        return tickers.stream().anyMatch(t -> t.getStatus() == javafx.animation.Animation.Status.RUNNING);
    }

    private void showMessageKind(boolean good) {
        message.getStyleClass().removeAll("error-text", "success-text");
        message.getStyleClass().add(good ? "success-text" : "error-text");
    }

    /** Greys a snoozed item's button (still tappable, so the cashier hears why it cannot be sold). */
    private void showSnooze(Button b) {
        PricedItem item = (PricedItem) b.getUserData();
        if (!item.available()) {
            return;
        }
        boolean snoozed = model.isSnoozed(item.id());
        b.getStyleClass().remove("snoozed");
        if (snoozed) {
            b.getStyleClass().add("snoozed");
        }
        b.setText(item.caption() + "\n" + (snoozed ? TEXTS.snoozed() : model.format(item.price())));
    }

    private void showMenu(TillMenu menu) {
        categories.getTabs().clear();
        itemButtons.clear();
        searchTab = null;
        if (menu == null) {
            menuInfo.setText(TEXTS.waitingForMenu());
            return;
        }
        menuInfo.setText(TEXTS.menuRevision(menu.revisionId()));
        for (TillMenu.Tab t : menu.tabs()) {
            Tab tab = new Tab(t.caption());
            tab.setId("category-" + t.id());
            // A tab's buttons are made when it is first shown: a 100,000-item menu has a hundred tabs.
            tab.setUserData(t);
            tab.selectedProperty().addListener((o, was, selected) -> {
                if (selected) {
                    fill(tab);
                }
            });
            categories.getTabs().add(tab);
        }
        Tab first = categories.getSelectionModel().getSelectedItem();
        if (first != null) {
            fill(first);
        }
    }

    private void fill(Tab tab) {
        if (tab.getContent() == null && tab.getUserData() instanceof TillMenu.Tab t) {
            tab.setContent(grid(t.items()));
        }
    }

    private void showSearch(String text) {
        TillMenu menu = model.menuProperty().get();
        if (menu == null) {
            return;
        }
        List<PricedItem> found = menu.search(text);
        if (text.isBlank()) {
            if (searchTab != null) {
                categories.getTabs().remove(searchTab);
                searchTab = null;
            }
            return;
        }
        if (searchTab == null) {
            searchTab = new Tab(TEXTS.search());
            searchTab.setId("searchResults");
            categories.getTabs().add(0, searchTab);
        }
        searchTab.setContent(grid(found));
        categories.getSelectionModel().select(searchTab);
    }

    private ScrollPane grid(List<PricedItem> items) {
        FlowPane grid = new FlowPane(10, 10);
        grid.getStyleClass().add("item-grid");
        for (PricedItem item : items) {
            Button b = new Button(item.caption() + "\n" + model.format(item.price()));
            b.setId("item-" + item.id());
            b.getStyleClass().add("item-button");
            b.setFocusTraversable(false);
            if (!item.available()) {
                b.getStyleClass().add("unavailable");
                b.setText(item.caption() + "\n" + TEXTS.unavailable());
                b.setDisable(true);
            }
            // In snooze mode (a manager's toggle) a tap takes the item off sale, or puts it back.
            b.setOnAction(e -> {
                if (model.snoozeModeProperty().get()) {
                    model.toggleSnooze(item);
                } else {
                    open(item);
                }
            });
            b.setUserData(item);
            itemButtons.computeIfAbsent(item.id(), k -> new java.util.ArrayList<>()).add(b);
            showSnooze(b);
            grid.getChildren().add(b);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void open(PricedItem item) {
        Optional<ModifierChoice> choice = model.open(item);
        choice.ifPresent(c -> ModifierDialog.show(root.getScene().getWindow(), c, model));
    }

    private void key(KeyEvent e) {
        javafx.scene.Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl || inside(focus, guests) || inside(focus, seat);
        if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
            search.requestFocus();
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.T && model.hasTableService()) {
            dineIn.setSelected(true);
            table.requestFocus();
            table.selectAll();
            e.consume();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.ENTER) {
            // Ctrl+Enter sends the new lines of the open table (Enter alone still takes cash).
            if (model.checkProperty().get() != null || takeawaySend()) {
                model.sendToKitchen(false);
            }
            search.clear();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && (focus == table || inside(focus, guests))) {
            // Enter on the table number (or the guests) opens that table, where there is table service.
            if (model.hasTableService() && !table.getText().isBlank()) {
                model.openTable(table.getText());
            }
            root.requestFocus();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER) {
            if ((focus == search || e.getTarget() == search) && search.getText().isBlank()) {
                // Nothing typed: Enter is Cash, as everywhere else on the till.
                onCash();
            } else if (focus == search || e.getTarget() == search) {
                TillMenu menu = model.menuProperty().get();
                if (menu != null) {
                    menu.search(search.getText()).stream().filter(PricedItem::available).findFirst()
                            .ifPresent(this::open);
                }
                search.clear();
            } else {
                onCash();
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            search.clear();
            model.pendingQuantityProperty().set(0);
            root.requestFocus();
            e.consume();
        } else if (!typing && e.getText() != null && e.getText().length() == 1
                && Character.isDigit(e.getText().charAt(0))) {
            model.typeDigit(e.getText().charAt(0) - '0');
            e.consume();
        }
    }

    private static boolean inside(javafx.scene.Node node, javafx.scene.Node container) {
        for (javafx.scene.Node n = node; n != null && container != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    // ---- table service ----

    /**
     * Table service on this till: the Tables toggle shows the floor (tables by state, minutes open); a table
     * chosen there, or typed in the table field with Enter, shows its check in the ticket pane, where new lines
     * are sent to the kitchen, held as the next course, fired, split and paid.
     */
    public void tableService(io.brigade.desktop.tables.CheckBook book, java.time.Clock clock) {
        this.checkBook = book;
        this.clock = clock;
        model.tableService(book);
        floor = new io.brigade.desktop.tables.FloorViewModel(clock);
        floorPane = new io.brigade.desktop.tables.FloorPane(floor, tile -> {
            tables.setSelected(false);
            if (tile.checkId() != null) {
                model.takeCheck(tile.checkId());
            } else {
                model.openTable(tile.table());
            }
        }, this::newTab);
        floorPane.getStylesheets().add(io.brigade.desktop.tables.FloorPane.class.getResource("tables.css")
                .toExternalForm());
        tables.setVisible(true);
        tables.setManaged(true);
        tables.selectedProperty().addListener((o, was, on) -> {
            root.setCenter(on ? floorPane : categories);
            if (on) {
                refreshFloor();
            }
        });
        model.lines().addListener((javafx.collections.ListChangeListener<TicketLine>) change -> shareRoom());
        Label none = new Label(TEXTS.newLinesPlaceholder());
        none.getStyleClass().add("muted");
        none.setWrapText(true);
        ticket.setPlaceholder(none);
        checkLines.setItems(model.checkLines());
        checkLines.setCellFactory(v -> new CheckLineCell());
        io.brigade.desktop.fx.Lists.keepNewestInView(checkLines);
        seat.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 40, 0));
        seat.setEditable(true);
        seat.getValueFactory().setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null || n == 0 ? TEXTS.noSeat() : String.valueOf(n);
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.parseInt(text.strip());
                } catch (NumberFormatException ex) {
                    return 0;
                }
            }
        });
        seat.valueProperty().addListener((o, a, b) -> model.seatProperty().set(b == null ? 0 : b));
        model.checkProperty().addListener((o, a, c) -> showCheckBar(c));
        showCheckBar(model.checkProperty().get());
        // Other tills' changes, and the store's answers to this till's, show within a second.
        tickers.add(Ticker.whileShown(checkBar, javafx.util.Duration.seconds(1), () -> {
            model.refreshCheck();
            showCheckBar(model.checkProperty().get());
            if (tables.isSelected()) {
                refreshFloor();
            }
        }));
    }

    private void refreshFloor() {
        background.run(() -> {
            checkBook.refresh();
            return new Object[] {checkBook.floorAreas(), checkBook.openChecks()};
        }, shown -> {
            @SuppressWarnings("unchecked")
            List<io.brigade.desktop.tables.FloorViewModel.Area> areas =
                    (List<io.brigade.desktop.tables.FloorViewModel.Area>) shown[0];
            @SuppressWarnings("unchecked")
            List<io.brigade.protocol.checks.Check> open = (List<io.brigade.protocol.checks.Check>) shown[1];
            floor.areas(areas);
            floor.show(open);
        }, failure -> org.slf4j.LoggerFactory.getLogger(TillController.class).warn("the floor was not refreshed",
                failure));
    }

    /**
     * With a table open the ticket pane holds two lists: what the table ordered and the lines added now. The one
     * being worked on gets the room (the new lines while there are some, else the table's), the other keeps two
     * lines in view; at 1024x768 one list with all the room shows several lines where two halves showed one each.
     */
    private void shareRoom() {
        boolean table = model.checkProperty().get() != null;
        boolean adding = !model.lines().isEmpty();
        int now = (table ? 2 : 0) + (adding ? 1 : 0);
        if (now == shared) {
            return; // called every second by the ticker: no layout pass when nothing changed
        }
        shared = now;
        javafx.scene.layout.VBox.setVgrow(ticket, !table || adding ? javafx.scene.layout.Priority.ALWAYS
                : javafx.scene.layout.Priority.NEVER);
        javafx.scene.layout.VBox.setVgrow(checkLines, table && !adding ? javafx.scene.layout.Priority.ALWAYS
                : javafx.scene.layout.Priority.NEVER);
        ticket.setPrefHeight(!table ? 120 : adding ? 240 : 64);
        checkLines.setPrefHeight(adding ? 110 : 150);
        // Minimums too: a pane short of height shrinks the growing list first, which is the one in use.
        ticket.setMinHeight(!table ? 80 : adding ? 160 : 56);
        checkLines.setMinHeight(adding ? 72 : 120);
        ticketPane.getStyleClass().remove("table-mode");
        if (table) {
            ticketPane.getStyleClass().add("table-mode");
        }
    }

    /** The payments taken on a plain sale, listed only when there are some: the lines above need the height. */
    private void showTenders() {
        boolean shown = model.checkProperty().get() == null && !model.tenders().isEmpty();
        tenders.setVisible(shown);
        tenders.setManaged(shown);
    }

    private void showCheckBar(io.brigade.protocol.checks.Check c) {
        shareRoom();
        boolean on = c != null;
        for (javafx.scene.Node n : new javafx.scene.Node[] {checkBar, checkLines, seat, seatLabel, holdButton,
                fireNextButton, splitButton, voidLineButton}) {
            n.setVisible(on);
            n.setManaged(on);
        }
        // A takeaway not paid yet can be sent to the kitchen first: Send alone, without the table's other actions.
        boolean actions = on || takeawaySend();
        tableActions.setVisible(actions);
        tableActions.setManaged(actions);
        // Discounts and the tender list belong to a plain sale; a table's payments are on its check.
        for (javafx.scene.Node n : new javafx.scene.Node[] {adjustments, ticketTitle, saleButtons}) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
        showTenders();
        // At 768 px the lists need the room: a table shows its total and what is left to pay, nothing more.
        for (javafx.scene.Node n : totals.getChildren()) {
            Integer row = javafx.scene.layout.GridPane.getRowIndex(n);
            boolean keep = row != null && row >= 3;
            n.setVisible(!on || keep);
            n.setManaged(!on || keep);
        }
        if (c == null) {
            return;
        }
        long minutes = Math.max(0, java.time.Duration.between(c.openedAt(), clock.instant()).toMinutes());
        String header = TillViewModel.label(c);
        if (c.table() == null && !TillViewModel.takeaway(c)) {
            header = c.name() == null ? header : c.name(); // a tab is called by its name alone
        }
        String leave = c.table() != null ? TEXTS.leaveTable()
                : TillViewModel.takeaway(c) ? TEXTS.leaveOrder() : TEXTS.leaveTab();
        if (!leave.equals(leaveButton.getText())) {
            leaveButton.setText(leave);
        }
        String detail = c.table() != null ? TEXTS.checkGuestsOpen(c.guests() == null ? 0 : c.guests(), minutes)
                : TEXTS.checkOpen(minutes);
        io.brigade.protocol.checks.Check.Part part = model.nextPart();
        if (part != null) {
            detail = detail + "\n" + TEXTS.partToPay(part.label(), model.format(part.total().subtract(part.paid())));
        }
        if (!detail.equals(checkDetail.getText())) {
            checkDetail.setText(detail);
        }
        if (!header.equals(checkHeader.getText())) {
            checkHeader.setText(header);
        }
    }

    /** Whether Send applies to the plain ticket: a takeaway, where the till has table service. */
    private boolean takeawaySend() {
        return model.hasTableService() && model.checkProperty().get() == null
                && model.dispatchProperty().get() == DispatchType.TakeAway;
    }

    @FXML
    private void onTables() {
        // the toggle's listener swaps the floor in; typed table number + Tables opens it at once
        if (tables.isSelected() && !table.getText().isBlank() && model.checkProperty().get() == null) {
            tables.setSelected(false);
            model.openTable(table.getText());
        }
    }

    @FXML
    private void onSend() {
        model.sendToKitchen(false);
    }

    @FXML
    private void onHold() {
        model.sendToKitchen(true);
    }

    @FXML
    private void onFireNext() {
        model.fireNextCourse();
    }

    @FXML
    private void onSplit() {
        model.openSplit().ifPresent(choice -> SplitDialog.show(root.getScene().getWindow(),
                model.checkProperty().get(), choice, model));
    }

    /**
     * Voids the line chosen in the table's list, for a reason; a line the kitchen has needs a manager's approval
     * where the store asks one (the manager's PIN, checked by the store server).
     */
    @FXML
    private void onVoidLine() {
        io.brigade.protocol.checks.Check.Line line = checkLines.getSelectionModel().getSelectedItem();
        Optional<String> refusal = model.voidRefusal(line);
        if (refusal.isPresent()) {
            model.messageProperty().set(refusal.get());
            return;
        }
        Optional<String> reason = ask(TEXTS.voidReasonFor(line.name()), "");
        if (reason.isEmpty()) {
            return;
        }
        String approval = null;
        if (TillViewModel.sent(line) && money != null && money.voidNeedsManager() && !reason.get().isBlank()) {
            io.brigade.protocol.checks.Check c = model.checkProperty().get();
            String subject = TEXTS.voidSubject(c.table() == null ? (c.name() == null ? "" : c.name()) : c.table(),
                    line.liveQuantity() + " × " + line.name());
            Optional<String> approved = money.approveVoid(root.getScene().getWindow(), line.total(), subject, subject,
                    reason.get().strip(), model.staffProperty().get());
            if (approved.isEmpty()) {
                model.messageProperty().set(TEXTS.voidNotApproved());
                return;
            }
            approval = approved.get();
        }
        model.voidLine(line, reason.get(), approval);
    }

    @FXML
    private void onMoveCheck() {
        model.otherChecks(open -> CheckDialogs.move(root.getScene().getWindow(), model, open));
    }

    @FXML
    private void onMergeCheck() {
        model.otherChecks(open -> CheckDialogs.merge(root.getScene().getWindow(), model, open, clock));
    }

    @FXML
    private void onTransferLines() {
        model.otherChecks(open -> CheckDialogs.transfer(root.getScene().getWindow(), model, open, clock));
    }

    /** A tab for a guest at the bar, by name: found again on the floor among the tabs. */
    private void newTab() {
        TextInputDialog d = new TextInputDialog("");
        d.initOwner(root.getScene().getWindow());
        d.setTitle(TEXTS.newTabTitle());
        d.setHeaderText(TEXTS.newTabHeader());
        d.getEditor().setId("tabName");
        d.showAndWait().ifPresent(name -> {
            tables.setSelected(false);
            model.openTab(name);
        });
    }

    @FXML
    private void onLeaveTable() {
        model.leaveCheck();
    }

    private Optional<TicketLine> selected() {
        TicketLine line = ticket.getSelectionModel().getSelectedItem();
        if (line == null && !model.lines().isEmpty()) {
            line = model.lines().get(model.lines().size() - 1);
        }
        return Optional.ofNullable(line);
    }

    @FXML
    private void onLess() {
        selected().ifPresent(l -> model.changeQuantity(l, -1));
    }

    @FXML
    private void onMore() {
        selected().ifPresent(l -> model.changeQuantity(l, 1));
    }

    @FXML
    private void onNote() {
        selected().ifPresent(l -> ask(TEXTS.noteFor(l.item().caption()), l.notes())
                .ifPresent(n -> model.setNotes(l, n)));
    }

    @FXML
    private void onRemove() {
        selected().ifPresent(model::remove);
    }

    /**
     * Money control at this till: shows the drawer button, asks a manager for a discount above the store's limit,
     * checks vouchers against the store's list, and offers refunds of recent sales.
     */
    public void money(TillMoney money) {
        this.money = money;
        drawerButton.setVisible(true);
        drawerButton.setManaged(true);
        money.refreshRules();
    }

    @FXML
    private void onDrawer() {
        money.openDrawer(root.getScene().getWindow(), model.staffProperty()::get, zone, model.currency());
    }

    @FXML
    private void onSpotDiscount() {
        ask(TEXTS.discountAmount(), "").ifPresent(text -> {
            if (!model.spotDiscount(text) || money == null) {
                return;
            }
            // Above the store's limit, the discount stays only with a manager's approval, which the sale carries.
            BigDecimal off = model.discountTotalProperty().get();
            if (!money.discountNeedsManager(off, model.subtotalProperty().get())) {
                return;
            }
            Optional<String> approval = money.approveDiscount(root.getScene().getWindow(), off, model.format(off),
                    model.staffProperty().get());
            if (approval.isPresent()) {
                checkout.approveDiscount(approval.get());
            } else {
                model.clearDiscounts();
            }
        });
    }

    @FXML
    private void onVoucher() {
        ask(TEXTS.voucherCode(), "").ifPresent(code -> {
            if (money == null) {
                ask(TEXTS.voucherValue(), "").ifPresent(value -> model.voucher(code, value));
                return;
            }
            // The code must be on the store's list; its value is what it is worth at most.
            money.checkVoucher(code, voucher -> ask(TEXTS.voucherValue(), voucher.amount().toPlainString())
                    .ifPresent(value -> {
                        Optional<BigDecimal> typed = Money.parse(value);
                        if (typed.isPresent() && typed.get().compareTo(voucher.amount()) > 0) {
                            model.messageProperty().set(money.voucherWorthAtMost(voucher, model.currency()));
                            return;
                        }
                        model.voucher(voucher.code(), value);
                    }), refusal -> model.messageProperty().set(refusal));
        });
    }

    @FXML
    private void onTip() {
        ask(TEXTS.tipAmount(), "").ifPresent(model::setTip);
    }

    @FXML
    private void onCash() {
        if (model.payCash(amount.getText())) {
            amount.clear();
        }
    }

    @FXML
    private void onCard() {
        if (model.payCard(amount.getText())) {
            amount.clear();
        }
    }

    @FXML
    private void onClearPayments() {
        model.clearPayments();
    }

    @FXML
    private void onComplete() {
        model.complete();
    }

    @FXML
    private void onNewTicket() {
        model.clearTicket();
    }

    @FXML
    private void onRecentSales() {
        RecentSalesDialog.show(root.getScene().getWindow(), checkout, model.staffProperty().get(), background, zone,
                model.currency(), receiptOutput, money == null ? null : this::refund,
                money == null || checkBook == null ? null : () -> money.reopenCheck(root.getScene().getWindow(),
                        model.staffProperty().get(), zone, model.currency()));
    }

    /** Refunds lines of a recent sale the store server holds, with confirmation (and a manager when asked). */
    private void refund(OutboxEntry sale) {
        TillMenu menu = model.menuProperty().get();
        money.refund(root.getScene().getWindow(), sale, model.staffProperty().get(), model.currency(),
                id -> menu == null ? id : menu.item(id).map(p -> p.item().caption()).orElse(id),
                words -> model.messageProperty().set(words));
    }

    private Optional<String> ask(String question, String initial) {
        TextInputDialog d = new TextInputDialog(initial == null ? "" : initial);
        d.initOwner(root.getScene().getWindow());
        d.setTitle(TEXTS.appName());
        d.setHeaderText(question);
        d.getEditor().setId("askField");
        return d.showAndWait();
    }

    /**
     * A ticket line: quantity and caption on the left, its total on the right, then every modifier and the note on
     * lines of their own, wrapped rather than cut.
     */
    private final class TicketCell extends ListCell<TicketLine> {
        @Override
        protected void updateItem(TicketLine line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            List<String> details = new java.util.ArrayList<>();
            line.modifiers().forEach(m -> details.add("+ " + m.caption()
                    + (m.price().signum() > 0 ? " " + model.format(m.price()) : "")));
            if (line.notes() != null) {
                details.add("“" + line.notes() + "”");
            }
            setGraphic(lineBox(line.quantity() + " × " + line.item().caption(), model.format(line.total()), details,
                    null, false, getListView()));
        }
    }

    /** A line the table has ordered: like a ticket line, with whether it was sent, held or voided, and its seat. */
    private final class CheckLineCell extends ListCell<io.brigade.protocol.checks.Check.Line> {
        @Override
        protected void updateItem(io.brigade.protocol.checks.Check.Line line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            List<String> details = new java.util.ArrayList<>();
            line.modifiers().forEach(m -> details.add("+ " + m.strip()));
            if (line.notes() != null) {
                details.add("“" + line.notes() + "”");
            }
            String status = line.voidedQuantity() > 0 && line.liveQuantity() == 0
                    ? TEXTS.lineVoided(line.voidReason() == null ? "" : line.voidReason())
                    : io.brigade.protocol.checks.Check.HELD.equals(line.status()) ? TEXTS.lineHeld(line.course())
                    : io.brigade.protocol.checks.Check.SENT.equals(line.status()) ? TEXTS.lineSent() : TEXTS.lineNew();
            boolean sentOrNew = line.liveQuantity() > 0 && !io.brigade.protocol.checks.Check.HELD.equals(line.status());
            if (line.seat() != null) {
                status = TEXTS.seatOf(line.seat()) + " · " + status;
            }
            javafx.scene.layout.VBox box = lineBox(line.liveQuantity() + " × " + line.name(),
                    model.format(line.total()), details, status, sentOrNew && line.seat() == null, getListView());
            box.getStyleClass().add("check-line");
            box.getStyleClass().add(line.liveQuantity() == 0 ? "voided"
                    : io.brigade.protocol.checks.Check.HELD.equals(line.status()) ? "held"
                    : io.brigade.protocol.checks.Check.SENT.equals(line.status()) ? "sent" : "new");
            setGraphic(box);
        }
    }

    private static javafx.scene.layout.VBox lineBox(String title, String amount, List<String> details, String status,
                                                    boolean inlineStatus, ListView<?> list) {
        Label name = new Label(title);
        name.setWrapText(true);
        name.getStyleClass().add("line-title");
        name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label right = new Label(amount);
        right.getStyleClass().add("line-total");
        right.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(name, javafx.scene.layout.Priority.SOMETIMES);
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(8, name, gap, right);
        top.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(2, top);
        for (String d : details) {
            Label l = new Label(d);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.getStyleClass().add("line-detail");
            box.getChildren().add(l);
        }
        if (status != null) {
            Label l = new Label(status);
            l.getStyleClass().add("line-status");
            if (inlineStatus) {
                // A one-word status sits beside the total: at 1024x768 a check shows a line more for it.
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                top.getChildren().add(2, l);
            } else {
                l.getStyleClass().add("line-status-row");
                l.setWrapText(true);
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                box.getChildren().add(l);
            }
        }
        // As wide as the list (less its scroll bar), so long names and notes wrap instead of being cut.
        box.maxWidthProperty().bind(list.widthProperty().subtract(36));
        box.prefWidthProperty().bind(list.widthProperty().subtract(36));
        return box;
    }

    private javafx.beans.binding.StringBinding money(javafx.beans.value.ObservableValue<BigDecimal> amount) {
        return Bindings.createStringBinding(() -> model.format(amount.getValue()), amount);
    }
}
