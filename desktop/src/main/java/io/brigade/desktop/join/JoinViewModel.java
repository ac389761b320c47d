package io.brigade.desktop.join;

import io.brigade.desktop.client.StoreJoin;
import io.brigade.desktop.client.StoreLink;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.devices.DevicePairing;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A PC's first start: either this PC is the store (its built-in server, the default for a one-PC store), or it joins
 * a store served by another PC. Joining: pick a store found on the network or type its address, compare the
 * fingerprint it shows with the back office's, type the one-time pairing code. The device credential it receives goes
 * into the settings handed to {@code onDone}; it is never shown.
 */
public final class JoinViewModel {
    private static final JoinTexts TEXTS = Texts.of(JoinTexts.class);
    private final StoreJoin join;
    private final Background background;
    private final Consumer<TerminalSettings> onJoined;
    private final Runnable onStoreHere;
    private final ObservableList<StoreJoin.Store> found = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<StoreJoin.Store> store = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper joined = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /**
     * {@code onJoined} hears the settings of this PC once it joined a store; {@code onStoreHere} that the person
     * chose to run the store on this PC.
     */
    public JoinViewModel(StoreJoin join, Background background, Consumer<TerminalSettings> onJoined,
                         Runnable onStoreHere) {
        this.join = join;
        this.background = background;
        this.onJoined = onJoined;
        this.onStoreHere = onStoreHere;
    }

    /** A store server announced on the network (call on the FX thread); each address is listed once. */
    public void storeFound(String name, String url, String fingerprint) {
        if (found.stream().noneMatch(s -> s.url().equals(url))) {
            found.add(new StoreJoin.Store(url, name, fingerprint));
        }
    }

    /** This PC is the store: the built-in server, as for every one-PC store. */
    public void storeHere() {
        onStoreHere.run();
    }

    /**
     * Reaches the store server at {@code address} (typed, or a found store's) and shows the fingerprint of the
     * certificate it presents. What an announcement claimed is never trusted: this is what the person compares.
     */
    public void connect(String address) {
        store.set(null);
        message.set("");
        String url;
        try {
            url = StoreJoin.address(address);
        } catch (StoreJoin.JoinException e) {
            message.set(e.getMessage());
            return;
        }
        busy.set(true);
        background.run(() -> join.hello(url), hello -> {
            busy.set(false);
            store.set(hello);
        }, e -> {
            busy.set(false);
            message.set(e.getMessage());
        });
    }

    /** Trades {@code code} for this PC's own credential at the store shown, naming this PC {@code name}. */
    public void join(String code, String name) {
        StoreJoin.Store at = store.get();
        if (at == null) {
            message.set(TEXTS.connectFirst());
            return;
        }
        message.set("");
        busy.set(true);
        background.run(() -> join.pair(at, code, name), (DevicePairing p) -> {
            busy.set(false);
            joined.set(TEXTS.joined(p.orgName() + " · " + p.propertyName(), roleLabel(p), p.name()));
            onJoined.accept(TerminalSettings.joined(at.url(), p.orgId(), p.propertyId(), p.salesChannelId(),
                    new StoreLink(p.deviceId(), p.credential(), at.fingerprint(), p.role(), p.name(), p.displayPrefix(),
                            p.orgName() + " · " + p.propertyName())));
        }, e -> {
            busy.set(false);
            message.set(e.getMessage());
        });
    }

    static String roleLabel(DevicePairing p) {
        return switch (p.role()) {
            case TILL -> TEXTS.asTill();
            case KITCHEN_SCREEN -> TEXTS.asKitchenScreen();
            case OFFICE -> TEXTS.asOffice();
        };
    }

    public ObservableList<StoreJoin.Store> found() {
        return found;
    }

    /** The store server reached, whose fingerprint is shown to compare; null before. */
    public ReadOnlyObjectProperty<StoreJoin.Store> storeProperty() {
        return store.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What this PC became, once it joined. */
    public ReadOnlyStringProperty joinedProperty() {
        return joined.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
