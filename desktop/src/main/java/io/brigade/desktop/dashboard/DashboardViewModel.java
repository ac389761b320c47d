package io.brigade.desktop.dashboard;

import io.brigade.desktop.client.BackOfficeException;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Formats;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.analytics.AnalyticsSummary;
import io.brigade.protocol.analytics.IngredientUsage;
import io.brigade.protocol.org.Property;
import io.brigade.protocol.org.SalesChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The manager's dashboard without a screen: filters (business-date range, property, channel), what the server's
 * analytics views answered, the tiles' texts, each chart's points, the tier message when the org's plan does not
 * include analytics, the CSV of the current view and the canonical export job.
 */
public final class DashboardViewModel {
    /** What the screen shows now. */
    public enum State { LOADING, READY, GATED, FAILED }

    /** An entry of the property or channel box; a null id means "All". */
    public record Choice(String id, String name, String propertyId) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final DashboardTexts TEXTS = Texts.of(DashboardTexts.class);
    private final Choice allProperties = new Choice(null, TEXTS.allProperties(), null);
    private final Choice allChannels = new Choice(null, TEXTS.allChannels(), null);
    /** Dates as a manager of the language spoken reads and types them (23 Nov 2026, 23.11.2026). */
    private final DateTimeFormatter dateFormat = Formats.now().mediumDates();

    /** How a date box shows a date. */
    public String showDate(LocalDate date) {
        return date.format(dateFormat);
    }

    private final DashboardSource source;
    private final Background background;
    private final Clock clock;
    private final ZoneId fallbackZone;
    private final Supplier<Optional<String>> menuCurrency;
    private final DashboardExport export;

    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final ObservableList<Choice> properties = FXCollections.observableArrayList(allProperties);
    private final ObservableList<Choice> channels = FXCollections.observableArrayList(allChannels);
    private final ObjectProperty<Choice> property = new SimpleObjectProperty<>(allProperties);
    private final ObjectProperty<Choice> channel = new SimpleObjectProperty<>(allChannels);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DashboardData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper orders = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper revenue = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper averageOrderValue = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper cancellations = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper cancellationsDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper("");
    private final ObservableList<IngredientUsage.Ingredient> ingredients = FXCollections.observableArrayList();

    private List<Property> orgProperties;
    private List<SalesChannel> orgChannels = List.of();
    private boolean quiet;
    private long generation;

    public DashboardViewModel(DashboardSource source, Background background, Clock clock, ZoneId fallbackZone,
                              Supplier<Optional<String>> menuCurrency) {
        this.source = source;
        this.background = background;
        this.clock = clock;
        this.fallbackZone = fallbackZone;
        this.menuCurrency = menuCurrency;
        this.export = new DashboardExport(source, background);
        fromDate.addListener((o, a, b) -> filterChanged());
        toDate.addListener((o, a, b) -> filterChanged());
        property.addListener((o, a, b) -> {
            if (b == null) {
                // A choice box clears its value while its list is replaced; nothing chosen means all.
                quietly(() -> property.set(allProperties));
                return;
            }
            quietly(() -> {
                channel.set(allChannels);
                showChannelsOf(b);
            });
            filterChanged();
        });
        channel.addListener((o, a, b) -> {
            if (b == null) {
                quietly(() -> channel.set(allChannels));
                return;
            }
            filterChanged();
        });
    }

    /** The screen was opened (or opened again, perhaps by someone else): reads the org and the views afresh. */
    public void open() {
        orgProperties = null;
        refresh();
    }

    /** Reads the views for the current filter; the answer of an older request that comes late is dropped. */
    public void refresh() {
        LocalDate from = fromDate.get();
        LocalDate to = toDate.get();
        if (from != null && to != null && to.isBefore(from)) {
            state.set(State.FAILED);
            message.set(TEXTS.endBeforeStart());
            return;
        }
        long mine = ++generation;
        boolean readOrg = orgProperties == null;
        Choice p = property.get();
        Choice c = channel.get();
        state.set(State.LOADING);
        message.set(TEXTS.loading());
        background.run(() -> {
            List<Property> props = readOrg ? source.properties() : orgProperties;
            List<SalesChannel> chans = readOrg ? source.channels() : orgChannels;
            DashboardFilter f = from != null && to != null ? new DashboardFilter(from, to, p.id(), c.id())
                    : DashboardFilter.lastSevenDays(LocalDate.now(clock.withZone(zoneOf(props, p.id()))));
            return new Loaded(props, chans, readOrg, source.load(f, currency(props, f.propertyId())));
        }, loaded -> {
            if (mine == generation) {
                show(loaded);
            }
        }, failure -> {
            if (mine == generation) {
                fail(failure);
            }
        });
    }

    /**
     * A date typed into a date box: the date it reads as (23 Nov 2026 or 2026-11-23), or, when it cannot be read,
     * {@code current} unchanged and a message saying how to type one. Blank text means no date.
     */
    public LocalDate typedDate(String typed, LocalDate current) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        for (DateTimeFormatter format : List.of(dateFormat, DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        state.set(State.FAILED);
        message.set(TEXTS.notADate(text, LocalDate.of(2026, 11, 23).format(dateFormat)));
        return current;
    }

    private record Loaded(List<Property> properties, List<SalesChannel> channels, boolean orgRead,
                          DashboardData data) {
    }

    private void show(Loaded loaded) {
        quietly(() -> {
            if (loaded.orgRead()) {
                orgProperties = loaded.properties();
                orgChannels = loaded.channels();
                List<Choice> choices = new ArrayList<>(List.of(allProperties));
                orgProperties.forEach(p -> choices.add(new Choice(p.propertyId(), p.name(), p.propertyId())));
                Choice chosen = property.get();
                Choice chosenChannel = channel.get();
                property.set(allProperties);
                channel.set(allChannels);
                replaceAfterAll(properties, choices);
                property.set(choices.stream().filter(c -> java.util.Objects.equals(c.id(), chosen.id())).findFirst()
                        .orElse(allProperties));
                showChannelsOf(property.get());
                channel.set(channels.stream().filter(c -> java.util.Objects.equals(c.id(), chosenChannel.id()))
                        .findFirst().orElse(allChannels));
            }
            fromDate.set(loaded.data().filter().fromDate());
            toDate.set(loaded.data().filter().toDate());
        });
        DashboardData d = loaded.data();
        Figures figures = new Figures(d.currency());
        AnalyticsSummary s = d.summary();
        orders.set(figures.count(s.orders()));
        revenue.set(figures.money(s.revenue()));
        averageOrderValue.set(figures.money(s.averageOrderValue()));
        cancellations.set(figures.count(s.cancelledOrders()));
        cancellationsDetail.set(s.cancelledOrders() == 0 ? TEXTS.noCancellations()
                : TEXTS.cancelledAmount(figures.money(s.cancelledAmount())));
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Texts.locale());
        rangeText.set(TEXTS.businessDates(d.filter().fromDate().format(day), d.filter().toDate().format(day)));
        ingredients.setAll(d.ingredients().ingredients());
        data.set(d);
        message.set("");
        state.set(State.READY);
    }

    private void fail(Throwable failure) {
        if (failure instanceof BackOfficeException refused && refused.status() == 403) {
            state.set(State.GATED);
            message.set(refused.getMessage());
        } else {
            state.set(State.FAILED);
            message.set(TEXTS.couldNotLoad(failure.getMessage()));
        }
    }

    private void showChannelsOf(Choice propertyChoice) {
        List<Choice> choices = new ArrayList<>(List.of(allChannels));
        for (SalesChannel sc : orgChannels) {
            if (propertyChoice == null || propertyChoice.id() == null || propertyChoice.id().equals(sc.propertyId())) {
                choices.add(new Choice(sc.salesChannelId(), sc.name(), sc.propertyId()));
            }
        }
        replaceAfterAll(channels, choices);
    }

    /**
     * Replaces a choice list but its first entry ("All"), which stays put: a choice box whose chosen entry
     * disappears from its list, even for a moment, shows nothing although its value is still set.
     */
    private static void replaceAfterAll(ObservableList<Choice> list, List<Choice> choices) {
        if (list.subList(1, list.size()).equals(choices.subList(1, choices.size()))) {
            return;
        }
        list.remove(1, list.size());
        list.addAll(choices.subList(1, choices.size()));
    }

    private void filterChanged() {
        if (!quiet && fromDate.get() != null && toDate.get() != null) {
            refresh();
        }
    }

    private void quietly(Runnable change) {
        boolean was = quiet;
        quiet = true;
        try {
            change.run();
        } finally {
            quiet = was;
        }
    }

    private ZoneId zoneOf(List<Property> props, String propertyId) {
        return props.stream().filter(p -> propertyId == null || p.propertyId().equals(propertyId)).findFirst()
                .map(p -> ZoneId.of(p.timeZone())).orElse(fallbackZone);
    }

    /** The menu's currency; before a menu is cached, the property's. */
    private String currency(List<Property> props, String propertyId) {
        return menuCurrency.get().orElseGet(() -> props.stream()
                .filter(p -> propertyId == null || p.propertyId().equals(propertyId)).findFirst()
                .map(Property::currency).orElse(null));
    }

    /** The charts of the current view (empty before the first answer). */
    public DashboardCharts charts() {
        DashboardData d = data.get();
        return d == null ? null : new DashboardCharts(d);
    }

    /** Money in the current view's currency, for labels and table cells. */
    public Figures figures() {
        DashboardData d = data.get();
        return new Figures(d == null ? menuCurrency.get().orElse(null) : d.currency());
    }

    // ---- exports ----

    /** The exports of the current view: the CSV and the canonical export job. */
    public DashboardExport export() {
        return export;
    }

    /** Writes the current view as CSV ({@link DashboardCsv}) to {@code file}. */
    public void saveCsv(Path file) {
        DashboardData d = data.get();
        if (d != null) {
            export.saveCsv(d, property.get().name(), channel.get().name(), file);
        }
    }

    /** Starts the canonical export for the current filter (the server's {@code analytics-export} job). */
    public void startExport() {
        DashboardData d = data.get();
        if (d != null) {
            export.startExport(d.filter());
        }
    }

    /** A file name for the canonical export of the current range. */
    public String exportFileName() {
        DashboardData d = data.get();
        return d == null ? "analytics-export.zip"
                : "analytics-export-" + d.filter().fromDate() + "-to-" + d.filter().toDate() + ".zip";
    }

    /** A file name for the CSV of the current view. */
    public String csvFileName() {
        DashboardData d = data.get();
        return d == null ? "dashboard.csv"
                : "dashboard-" + d.filter().fromDate() + "-to-" + d.filter().toDate() + ".csv";
    }

    // ---- properties for the screen ----

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public ObservableList<Choice> properties() {
        return properties;
    }

    public ObservableList<Choice> channels() {
        return channels;
    }

    public ObjectProperty<Choice> propertyProperty() {
        return property;
    }

    public ObjectProperty<Choice> channelProperty() {
        return channel;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DashboardData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ordersProperty() {
        return orders.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty revenueProperty() {
        return revenue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty averageOrderValueProperty() {
        return averageOrderValue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cancellationsProperty() {
        return cancellations.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cancellationsDetailProperty() {
        return cancellationsDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rangeTextProperty() {
        return rangeText.getReadOnlyProperty();
    }

    public ObservableList<IngredientUsage.Ingredient> ingredients() {
        return ingredients;
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return export.exportStatusProperty();
    }
}
