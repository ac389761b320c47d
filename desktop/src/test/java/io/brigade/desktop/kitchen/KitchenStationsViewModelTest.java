package io.brigade.desktop.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.support.LiveServer;
import io.brigade.protocol.kitchen.KitchenStation;
import io.brigade.protocol.kitchen.KitchenStations;
import io.brigade.protocol.menus.Category;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The back office's stations editor against a real server whose store has the demo stations (Pizza, Grill as the
 * catch-all, Bar), signed in as the manager; without a screen.
 */
class KitchenStationsViewModelTest {
    @TempDir
    static Path dir;
    private static LiveServer server;
    private static DemoBootstrap.Result tenant;
    private static BackOfficeClient office;
    private static List<Category> categories;
    private KitchenStationsViewModel model;

    @BeforeAll
    static void open() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        server = LiveServer.start(dir, false);
        tenant = server.bootstrap("Stations Bistro");
        office = new BackOfficeClient(server.url(), tenant.orgId(), List.of());
        office.remember("9999");
        // The menu's categories as the till caches them: named after the stations that make them.
        Map<String, String> captions = Map.of("pizza", "Pizzas", "grill", "Burgers", "bar", "Drinks");
        categories = stored().stations().stream().map(s -> new Category(s.categoryIds().get(0),
                captions.get(s.id()), null, List.of())).toList();
    }

    @AfterAll
    static void close() throws Exception {
        office.forget();
        office.close();
        server.close();
    }

    @BeforeEach
    void demoStations() {
        server.addDemoStations(tenant);
        model = new KitchenStationsViewModel(office, tenant.propertyId(), () -> categories, Background.direct(),
                Texts.of(KitchenTexts.class));
        model.refresh();
    }

    @Test
    void aCategoryMovedToANewStationIsMadeThereOnceSaved() throws Exception {
        model.add("Fryer");
        String fryer = model.stations().get(3).key();
        model.assign(category("Burgers"), fryer);

        model.save();

        assertEquals("Saved: new tickets go to these stations", model.messageProperty().get());
        Map<String, List<String>> byName = stored().stations().stream()
                .collect(Collectors.toMap(KitchenStation::name, KitchenStation::categoryIds));
        assertEquals(List.of(category("Burgers")), byName.get("Fryer"));
        assertEquals(List.of(), byName.get("Grill"), "the grill keeps only what no station names");
        assertEquals("Fryer", model.stationOf(category("Burgers")));
    }

    @Test
    void aRefusedSetupShowsTheServersReasonAndChangesNothing() throws Exception {
        KitchenStations before = stored();
        model.rename(key("Pizza"), "Bar");

        model.save();

        assertTrue(model.messageProperty().get().contains("another station is called Bar"),
                model.messageProperty().get());
        assertEquals(before, stored());
    }

    @Test
    void removingTheCatchAllHandsItsRoleToTheFirstStation() throws Exception {
        model.remove(key("Grill"));
        model.save();

        KitchenStations after = stored();
        assertEquals(List.of("Pizza", "Bar"), after.stations().stream().map(KitchenStation::name).toList());
        assertTrue(after.stations().get(0).catchAll(), "Pizza now makes what no station names");
        assertEquals("Pizza", model.stationOf(category("Burgers")));
    }

    private String key(String name) {
        return model.stations().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().key();
    }

    private static String category(String caption) {
        return categories.stream().filter(c -> c.caption().equals(caption)).findFirst().orElseThrow().id();
    }

    private static KitchenStations stored() throws Exception {
        return office.get("kitchen/stations?propertyId=" + tenant.propertyId(), KitchenStations.class);
    }
}
