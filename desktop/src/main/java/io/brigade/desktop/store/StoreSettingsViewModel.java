package io.brigade.desktop.store;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.store.StoreSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final StringProperty restaurantName = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty taxNumber = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty currency = new SimpleStringProperty("");
    private final StringProperty locale = new SimpleStringProperty("");
    private final StringProperty receiptHeader = new SimpleStringProperty("");
    private final StringProperty receiptFooter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<byte[]> logo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /** {@code saved} hears of settings the server accepted (this PC keeps them for its receipts at once). */
    public StoreSettingsViewModel(BackOfficeClient office, String propertyId, Background background, StoreTexts texts,
                                  Consumer<StoreSettings> saved) {
        this.office = office;
        this.propertyId = propertyId;
        this.background = background;
        this.texts = texts;
        this.saved = saved;
    }

    /** Reads the settings as the store server has them (what was not saved is dropped). */
    public void refresh() {
        busy.set(true);
        background.run(() -> office.get(path(), StoreSettings.class), s -> {
            busy.set(false);
            show(s);
            message.set(s.updatedAt() == null ? texts.settingsNeverSaved() : "");
        }, e -> {
            busy.set(false);
            message.set(Refusals.describe(e));
        });
    }

    private void show(StoreSettings s) {
        restaurantName.set(orEmpty(s.restaurantName()));
        address.set(orEmpty(s.address()));
        taxNumber.set(orEmpty(s.taxNumber()));
        phone.set(orEmpty(s.phone()));
        currency.set(orEmpty(s.currency()));
        locale.set(orEmpty(s.locale()));
        receiptHeader.set(orEmpty(s.receiptHeader()));
        receiptFooter.set(orEmpty(s.receiptFooter()));
        logo.set(s.logoPng() == null ? null : Base64.getDecoder().decode(s.logoPng()));
    }

    /** Sends the form; on success every device of the store reads the new settings at its next sync. */
    public void save() {
        StoreSettings draft = new StoreSettings(propertyId, restaurantName.get(), address.get(), taxNumber.get(),
                phone.get(), currency.get().strip().toUpperCase(java.util.Locale.ROOT), locale.get(),
                receiptHeader.get(), receiptFooter.get(),
                logo.get() == null ? null : Base64.getEncoder().encodeToString(logo.get()), null);
        busy.set(true);
        background.run(() -> office.put(path(), draft, StoreSettings.class), s -> {
            busy.set(false);
            show(s);
            saved.accept(s);
            message.set(texts.settingsSaved());
        }, e -> {
            busy.set(false);
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
