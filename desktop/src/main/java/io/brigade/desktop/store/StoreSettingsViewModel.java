package io.brigade.desktop.store;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.store.StoreSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The manager's form of the store's settings: what its receipts print (name, address, VAT number, phone, header,
 * footer, logo) and the currency and locale its devices use. The fields are the form's inputs; {@link #save()} sends
 * them whole, and the server's refusal (with the field it names) is what the manager reads.
 */
public final class StoreSettingsViewModel {
    private final BackOfficeClient office;
    private final String propertyId;
    private final Background background;
    private final StoreTexts texts;
    private final Consumer<StoreSettings> saved;
    private final Field restaurantName = new Field();
    private final Field address = new Field();
    private final Field taxNumber = new Field();
    private final Field phone = new Field();
    private final Field currency = new Field();
    private final Field locale = new Field();
    private final Field receiptHeader = new Field();
    private final Field receiptFooter = new Field();
    private final ReadOnlyObjectWrapper<byte[]> logo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private byte[] shownLogo;
    private int pending;

    /** {@code saved} hears of settings the server accepted (this PC keeps them for its receipts at once). */
    public StoreSettingsViewModel(BackOfficeClient office, String propertyId, Background background, StoreTexts texts,
                                  Consumer<StoreSettings> saved) {
        this.office = office;
        this.propertyId = propertyId;
        this.background = background;
        this.texts = texts;
        this.saved = saved;
    }

    /**
     * Reads the settings as the store server has them (the tab was opened). A field the manager has changed since the
     * form last showed the server's settings keeps what they typed: a read that arrives late never takes typing away.
     */
    public void refresh() {
        read(false);
    }

    /** Reads the settings as the store server has them and drops what was not saved (the manager pressed Reload). */
    public void reload() {
        read(true);
    }

    private void read(boolean dropEdits) {
        begin();
        background.run(() -> office.get(path(), StoreSettings.class), s -> {
            end();
            boolean kept = show(s, dropEdits);
            message.set(kept ? texts.editsKept() : s.updatedAt() == null ? texts.settingsNeverSaved() : "");
        }, e -> {
            end();
            message.set(Refusals.describe(e));
        });
    }

    /**
     * Shows the server's {@code s}; a field edited since the last one shown keeps its text unless {@code dropEdits}.
     * True when an edit was kept.
     */
    private boolean show(StoreSettings s, boolean dropEdits) {
        boolean kept = false;
        kept |= restaurantName.show(s.restaurantName(), dropEdits);
        kept |= address.show(s.address(), dropEdits);
        kept |= taxNumber.show(s.taxNumber(), dropEdits);
        kept |= phone.show(s.phone(), dropEdits);
        kept |= currency.show(s.currency(), dropEdits);
        kept |= locale.show(s.locale(), dropEdits);
        kept |= receiptHeader.show(s.receiptHeader(), dropEdits);
        kept |= receiptFooter.show(s.receiptFooter(), dropEdits);
        byte[] png = s.logoPng() == null ? null : Base64.getDecoder().decode(s.logoPng());
        if (dropEdits || Arrays.equals(logo.get(), shownLogo)) {
            logo.set(png);
            shownLogo = png;
        } else {
            kept = true;
        }
        return kept;
    }

    /** The form waits while a read or a save is on its way (several may be: it waits for the last). */
    private void begin() {
        busy.set(++pending > 0);
    }

    private void end() {
        busy.set(--pending > 0);
    }

    /** Sends the form; on success every device of the store reads the new settings at its next sync. */
    public void save() {
        StoreSettings draft = new StoreSettings(propertyId, restaurantName.get(), address.get(), taxNumber.get(),
                phone.get(), currency.get().strip().toUpperCase(java.util.Locale.ROOT), locale.get(),
                receiptHeader.get(), receiptFooter.get(),
                logo.get() == null ? null : Base64.getEncoder().encodeToString(logo.get()), null);
        begin();
        background.run(() -> office.put(path(), draft, StoreSettings.class), s -> {
            end();
            show(s, true);
            saved.accept(s);
            message.set(texts.settingsSaved());
        }, e -> {
            end();
            message.set(Refusals.describe(e));
        });
    }

    /** Takes the logo from a PNG file; a file too large or not a PNG is refused here, before the server. */
    public void chooseLogo(Path file) {
        try {
            byte[] png = Files.readAllBytes(file);
            if (png.length > StoreSettings.MAX_LOGO_BYTES) {
                message.set(texts.logoTooLarge(StoreSettings.MAX_LOGO_BYTES / 1024));
                return;
            }
            if (png.length < 8 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
                message.set(texts.logoNotPng());
                return;
            }
            logo.set(png);
            message.set(texts.logoChosen());
        } catch (java.io.IOException e) {
            message.set(texts.logoUnreadable(e.getMessage()));
        }
    }

    public void clearLogo() {
        logo.set(null);
    }

    private String path() {
        return "store/settings?propertyId=" + URLEncoder.encode(propertyId, StandardCharsets.UTF_8);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A field of the form and the server's text it last showed: it is edited when the two differ. */
    private static final class Field extends SimpleStringProperty {
        private String shown = "";

        Field() {
            super("");
        }

        /** Shows the server's {@code value} unless the field is edited and edits are kept; true when it kept one. */
        boolean show(String value, boolean dropEdits) {
            if (!dropEdits && !orEmpty(get()).equals(shown)) {
                return true;
            }
            shown = orEmpty(value);
            set(shown);
            return false;
        }
    }

    public StringProperty restaurantNameProperty() {
        return restaurantName;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty taxNumberProperty() {
        return taxNumber;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public StringProperty localeProperty() {
        return locale;
    }

    public StringProperty receiptHeaderProperty() {
        return receiptHeader;
    }

    public StringProperty receiptFooterProperty() {
        return receiptFooter;
    }

    /** The logo's PNG bytes, or null. */
    public ReadOnlyObjectProperty<byte[]> logoProperty() {
        return logo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
