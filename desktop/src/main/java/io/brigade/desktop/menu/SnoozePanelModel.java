package io.brigade.desktop.menu;

import io.brigade.desktop.i18n.Formats;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.availability.ChannelSnoozes;
import io.brigade.protocol.availability.Snooze;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.MenuOverview;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.menus.Publication;
import io.brigade.protocol.org.SalesChannel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The snooze panel's logic: for one sales channel, the items of the menu it sells with whether each is snoozed,
 * and snoozing or unsnoozing an item or the whole channel, optionally until a time today (or tomorrow, if that
 * time has passed) in the property's zone.
 */
public final class SnoozePanelModel {
    private static final MenuTexts TEXTS = Texts.of(MenuTexts.class);

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** One item of the channel's menu and its snooze state. */
    public static final class Row {
        private final MenuItem item;
        private final String category;
        private final BooleanProperty snoozed = new SimpleBooleanProperty();
        private final StringProperty status = new SimpleStringProperty();

        Row(MenuItem item, String category) {
            this.item = item;
            this.category = category;
        }

        public String menuItemId() {
            return item.id();
        }

        public String caption() {
            return item.caption();
        }

        public String category() {
            return category;
        }

        public BooleanProperty snoozedProperty() {
            return snoozed;
        }

        /** "On sale", "Snoozed" or "Snoozed until 17:30". */
        public StringProperty statusProperty() {
            return status;
        }
    }

    private final MenuOffice office;
    private final Background background;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<SalesChannel> channels = FXCollections.observableArrayList();
    private final ObjectProperty<SalesChannel> channel = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty channelStatus = new SimpleStringProperty("");
    private final BooleanProperty channelSnoozed = new SimpleBooleanProperty(false);
    private final StringProperty until = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private MenuOverview overview;

    public SnoozePanelModel(MenuOffice office, Background background, Clock clock, ZoneId zone) {
        this.office = office;
        this.background = background;
        this.clock = clock;
        this.zone = zone;
    }

    /** The org's menus and channels changed (loaded, saved, published): keep the chosen channel if it still exists. */
    public void overviewArrived(MenuOverview o) {
        overview = o;
        if (!channels.equals(o.salesChannels())) {
            channels.setAll(o.salesChannels()); // only when they changed: a reset list clears a ComboBox's choice
        }
        SalesChannel keep = channel.get() == null ? null : o.salesChannels().stream()
                .filter(c -> c.salesChannelId().equals(channel.get().salesChannelId())).findFirst().orElse(null);
        select(keep != null ? keep : o.salesChannels().isEmpty() ? null : o.salesChannels().get(0));
    }

    /** Shows {@code ch}'s menu items and snoozes. */
    public void select(SalesChannel ch) {
        channel.set(ch);
        if (ch == null) {
            rows.clear();
            return;
        }
        Optional<Publication> published = overview == null ? Optional.empty() : overview.menus().stream()
                .flatMap(m -> m.publications() == null ? java.util.stream.Stream.empty() : m.publications().stream())
                .filter(p -> p.salesChannelId().equals(ch.salesChannelId())).findFirst();
        background.run(() -> {
            MenuRevision revision = published.isEmpty() ? null
                    : office.revision(published.get().menuId(), published.get().menuRevisionId());
            return Map.entry(Optional.ofNullable(revision), office.snoozes(ch.salesChannelId()));
        }, got -> {
            List<Row> out = new ArrayList<>();
            got.getKey().ifPresent(r -> {
                for (Category c : r.menu().categories() == null ? List.<Category>of() : r.menu().categories()) {
                    for (MenuItem i : c.items() == null ? List.<MenuItem>of() : c.items()) {
                        out.add(new Row(i, c.caption()));
                    }
                }
            });
            rows.setAll(out);
            show(got.getValue());
            say(got.getKey().isPresent() ? "" : TEXTS.sellsNoMenu(ch.name()), false);
        }, this::failure);
    }

    public void snooze(Row row) {
        change(row.menuItemId(), true);
    }

    public void unsnooze(Row row) {
        change(row.menuItemId(), false);
    }

    public void snoozeChannel() {
        change(null, true);
    }

    public void unsnoozeChannel() {
        change(null, false);
    }

    private void change(String menuItemId, boolean snooze) {
        SalesChannel ch = channel.get();
        if (ch == null) {
            return;
        }
        Instant expiry = null;
        if (snooze) {
            Optional<Instant> parsed = untilInstant();
            if (parsed == null) {
                say(TEXTS.untilHelp(), true);
                return;
            }
            expiry = parsed.orElse(null);
        }
        Instant at = expiry;
        String what = menuItemId == null ? ch.name() : rows.stream().filter(r -> r.menuItemId().equals(menuItemId))
                .map(Row::caption).findFirst().orElse(menuItemId);
        background.run(() -> office.snooze(ch.salesChannelId(), menuItemId, snooze, at), state -> {
            show(state);
            say(!snooze ? TEXTS.backOnSale(what) : at == null ? TEXTS.snoozedUntilUnsnoozed(what)
                    : TEXTS.snoozedUntil(what, time(at)), false);
        }, this::failure);
    }

    /** Empty for "no expiry", the next such time for "HH:mm", or null when the text is not a time. */
    private Optional<Instant> untilInstant() {
        String text = until.get() == null ? "" : until.get().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        LocalTime t;
        try {
            t = LocalTime.parse(text.length() == 4 ? "0" + text : text, HH_MM);
        } catch (DateTimeParseException e) {
            return null;
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        ZonedDateTime next = now.with(t).withSecond(0).withNano(0);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Optional.of(next.toInstant());
    }

    private void show(ChannelSnoozes state) {
        Instant now = clock.instant();
        for (Row row : rows) {
            Optional<Snooze> s = state.item(row.menuItemId(), now);
            row.snoozedProperty().set(s.isPresent());
            row.statusProperty().set(s.map(e -> e.expiry() == null ? TEXTS.snoozed()
                    : TEXTS.snoozedUntilTime(time(e.expiry()))).orElse(TEXTS.onSale()));
        }
        Optional<Snooze> whole = state.channel(now);
        channelSnoozed.set(whole.isPresent());
        channelStatus.set(whole.map(e -> e.expiry() == null ? TEXTS.channelSnoozed()
                : TEXTS.channelSnoozedUntil(time(e.expiry()))).orElse(TEXTS.channelTakingOrders()));
    }

    private String time(Instant t) {
        ZonedDateTime z = t.atZone(zone);
        String hhmm = Formats.now().time(z);
        return z.toLocalDate().equals(clock.instant().atZone(zone).toLocalDate()) ? hhmm : TEXTS.tomorrow(hhmm);
    }

    private void failure(Throwable t) {
        say(TEXTS.snoozeDidNotChange(t.getMessage()), true);
    }

    private void say(String text, boolean isError) {
        message.set(text);
        failed.set(isError);
    }

    public ObservableList<SalesChannel> channels() {
        return channels;
    }

    public ObjectProperty<SalesChannel> channelProperty() {
        return channel;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty channelStatusProperty() {
        return channelStatus;
    }

    public BooleanProperty channelSnoozedProperty() {
        return channelSnoozed;
    }

    /** What the manager typed as "until": empty, or HH:mm. */
    public StringProperty untilProperty() {
        return until;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }
}
