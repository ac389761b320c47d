package io.brigade.desktop.backoffice;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.fx.FxBackground;
import io.brigade.desktop.i18n.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Builds the manager's back-office workspace: API keys, webhooks, jobs, staff, devices, kitchen stations and this
 * terminal's settings.
 */
public final class BackOfficeWorkspace {
    private BackOfficeWorkspace() {
    }

    /**
     * The workspace's root over {@code office}. Its server calls run on a worker of their own, so a slow back-office
     * answer never holds up the till's local writes. {@code menuId} names the menu the jobs screen works on (null
     * before one is cached); {@code kitchenStations} is the kitchen's stations editor, {@code terminal} the terminal
     * settings form of its last tab.
     */
    public static Parent load(BackOfficeClient office, Supplier<String> menuId, Node kitchenStations, Node terminal,
                              ZoneId businessZone) {
        return load(office, menuId, kitchenStations, terminal, businessZone, null, StoreServing.none());
    }

    /** As above, with the devices of store {@code propertyId} and this PC's "serve the store" switch. */
    public static Parent load(BackOfficeClient office, Supplier<String> menuId, Node kitchenStations, Node terminal,
                              ZoneId businessZone, String propertyId, StoreServing serving) {
        return load(office, menuId, kitchenStations, terminal, businessZone, propertyId, serving, null, null, null,
                null);
    }

    /**
     * As above, with the store's settings editor ({@code store}) and its printers tab ({@code printers}), each read
     * fresh by its {@code refresh} when its tab is opened.
     */
    public static Parent load(BackOfficeClient office, Supplier<String> menuId, Node kitchenStations, Node terminal,
                              ZoneId businessZone, String propertyId, StoreServing serving, Node store,
                              Runnable refreshStore, Node printers, Runnable refreshPrinters) {
        return load(office, menuId, kitchenStations, terminal, businessZone, propertyId, serving, store, refreshStore,
                printers, refreshPrinters, null, null);
    }

    /** As above, with the store's floor plan editor ({@code floor}), read fresh by {@code refreshFloor}. */
    public static Parent load(BackOfficeClient office, Supplier<String> menuId, Node kitchenStations, Node terminal,
                              ZoneId businessZone, String propertyId, StoreServing serving, Node store,
                              Runnable refreshStore, Node printers, Runnable refreshPrinters, Node floor,
                              Runnable refreshFloor) {
        FXMLLoader loader = Texts.loader(BackOfficeWorkspace.class, "BackOfficeView.fxml");
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the back office", e);
        }
        FxBackground server = new FxBackground();
        BackOfficeController controller = loader.getController();
        controller.bind(new ApiKeysViewModel(office, server), new WebhooksViewModel(office, server),
                new JobsViewModel(office, server, menuId), new StaffViewModel(office, server),
                new DevicesViewModel(office, server, propertyId, serving), kitchenStations, terminal,
                businessZone, server::close);
        if (store != null) {
            controller.store(store, refreshStore, printers, refreshPrinters);
        }
        if (floor != null) {
            controller.floor(floor, refreshFloor);
        }
        return root;
    }
}
