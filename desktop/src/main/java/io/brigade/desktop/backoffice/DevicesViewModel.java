package io.brigade.desktop.backoffice;

import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.Data;
import io.brigade.protocol.devices.Device;
import io.brigade.protocol.devices.DeviceRole;
import io.brigade.protocol.devices.DeviceUpdate;
import io.brigade.protocol.devices.NewPairingCode;
import io.brigade.protocol.devices.PairingCode;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The store's devices: the "serve the store" switch of this PC, one-time pairing codes for new devices, and the
 * list of devices with their role and last contact, renamed or revoked by a manager. The server checks everything;
 * its words are what the manager reads.
 */
public final class DevicesViewModel {
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);
    private static final TypeReference<Data<List<Device>>> DEVICES = new TypeReference<>() { };
    private final BackOfficeClient office;
    private final Background background;
    private final String propertyId;
    private final StoreServing serving;
    private final ObservableList<Device> devices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper codeMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PairingCode> code = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper serves = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper servingStatus = new ReadOnlyStringWrapper("");
    /** True once the manager switched serving off: it stays open until the next start. */
    private boolean stopping;

    /** Devices of {@code propertyId} (this PC's store); {@code serving} is this PC's switch. */
    public DevicesViewModel(BackOfficeClient office, Background background, String propertyId, StoreServing serving) {
        this.office = office;
        this.background = background;
        this.propertyId = propertyId;
        this.serving = serving;
        showServing(serving.addresses());
    }

    public void refresh() {
        showServing(serving.addresses());
        background.run(() -> office.get("devices", DEVICES).data(), devices::setAll,
                e -> message.set(Refusals.describe(e)));
    }

    /** Switches "this PC serves the store" on: HTTPS on the network, announced, remembered across restarts. */
    public void serveStore() {
        stopping = false;
        servingStatus.set(TEXTS.servingOpening());
        background.run(serving::serve, this::showServing, e -> {
            showServing(List.of());
            servingStatus.set(TEXTS.servingFailed(e.getMessage()));
        });
    }

    /** Switches "this PC serves the store" off from the next start of Brigade on this PC. */
    public void stopServing() {
        background.run(() -> {
            serving.stopAtNextStart();
            return null;
        }, none -> {
            stopping = true;
            serves.set(false);
            servingStatus.set(TEXTS.servingOffAtNextStart());
        }, e -> servingStatus.set(TEXTS.servingCannotStop(e.getMessage())));
    }

    private void showServing(List<String> addresses) {
        if (stopping) {
            return; // still open until the next start, as the status says
        }
        serves.set(!addresses.isEmpty());
        servingStatus.set(!serving.available() ? TEXTS.servedElsewhere()
                : addresses.isEmpty() ? TEXTS.servingOff() : TEXTS.servingOn(String.join(", ", addresses)));
    }

    /**
     * Asks the store server for a one-time pairing code for a new device of this store with {@code role}, to be named
     * {@code name} (blank: the new PC offers its own).
     */
    public void newCode(DeviceRole role, String name) {
        code.set(null);
        codeMessage.set("");
        if (role == null) {
            codeMessage.set(TEXTS.chooseDeviceRole());
            return;
        }
        background.run(() -> office.post("devices/pairing-codes", new NewPairingCode(propertyId, role.name(),
                name == null || name.isBlank() ? null : name.strip()), PairingCode.class), code::set,
                e -> codeMessage.set(Refusals.describe(e)));
    }

    public void rename(Device device, String name) {
        if (name == null || name.isBlank()) {
            message.set(TEXTS.deviceNameNeeded());
            return;
        }
        background.run(() -> {
            office.patch("devices/" + device.deviceId(), new DeviceUpdate(name.strip(), null), Device.class);
            return office.get("devices", DEVICES).data();
        }, list -> {
            devices.setAll(list);
            message.set(TEXTS.deviceRenamed(device.name(), name.strip()));
        }, e -> message.set(Refusals.describe(e)));
    }

    public void revoke(Device device) {
        background.run(() -> {
            office.delete("devices/" + device.deviceId());
            return office.get("devices", DEVICES).data();
        }, list -> {
            devices.setAll(list);
            message.set(TEXTS.deviceRemoved(device.name()));
        }, e -> message.set(Refusals.describe(e)));
    }

    public ObservableList<Device> devices() {
        return devices;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last pairing code made, shown until the dialog closes; null before one is made. */
    public ReadOnlyObjectProperty<PairingCode> codeProperty() {
        return code.getReadOnlyProperty();
    }

    /** Why no code could be made. */
    public ReadOnlyStringProperty codeMessageProperty() {
        return codeMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty servesProperty() {
        return serves.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty servingStatusProperty() {
        return servingStatus.getReadOnlyProperty();
    }

    public boolean canServe() {
        return serving.available();
    }
}
