package io.brigade.desktop.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.support.LiveServer;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The menu editor and snooze panel without a screen, against a real server over HTTP as a signed-in manager. */
class MenuEditorViewModelTest {
    @TempDir
    Path dir;
    private LiveServer server;
    private DemoBootstrap.Result tenant;
    private BackOfficeClient client;
    private MenuOffice office;

    @BeforeEach
    void start() throws Exception {
        server = LiveServer.start(dir);
        tenant = server.bootstrap("Editor Bistro");
        client = new BackOfficeClient(server.url(), tenant.orgId(), List.of());
        client.remember("9999");
        office = new MenuOffice(client);
    }

    @AfterEach
    void stop() throws Exception {
        client.forget();
        client.close();
        server.close();
    }

    @Test
    void managerEditsItemsAndModifiersSavesANewRevisionAndPublishesIt() throws Exception {
        MenuEditorViewModel model = new MenuEditorViewModel(office, Background.direct());
        model.load(null);
        assertEquals(1, model.baseProperty().get().revisionId());
        assertEquals(12, model.items().size());
        assertEquals(2, model.groups().size());
        assertTrue(model.targets().get(0).selectedProperty().get(), "the POS channel sells this menu now");
        model.save();
        assertEquals("Nothing changed since revision 1.", model.messageProperty().get());

        item(model, "Cola").priceProperty().set("3.20");
        item(model, "Cola").costProperty().set("0.60");
        item(model, "Funghi").availableProperty().set(false);
        model.removeItem(item(model, "Craft lager"));
        Category drinks = model.categories().get(2);
        ItemDraft lemonade = model.addItem(drinks, "Lemonade");
        lemonade.priceProperty().set("2.80");
        lemonade.costProperty().set("0.35");
        GroupDraft toppings = model.groups().get(0);
        toppings.maxProperty().set("2");
        toppings.options().stream().filter(o -> o.captionProperty().get().equals("Mushrooms")).findFirst()
                .orElseThrow().priceProperty().set("1.20");
        model.publish();
        assertTrue(model.messageProperty().get().startsWith("Save the draft first"), model.messageProperty().get());

        model.save();
        assertEquals("Saved as revision 2. Publish it to put it on sale.", model.messageProperty().get());
        MenuRevision saved = office.revision(tenant.menuId(), 2);
        List<MenuItem> drinkItems = saved.menu().categories().get(2).items();
        assertEquals(List.of("Sparkling water", "Cola", "House red (glass)", "Lemonade"),
                drinkItems.stream().map(MenuItem::caption).toList());
        assertEquals(new BigDecimal("3.20"), drinkItems.get(1).pricingProfiles().get(0).dineInPrice());
        assertEquals(new BigDecimal("3.20"), drinkItems.get(1).pricingProfiles().get(0).takeawayPrice(),
                "takeaway followed the dine-in price it equalled");
        assertEquals(new BigDecimal("0.60"), drinkItems.get(1).ingredientCost());
        assertEquals(new BigDecimal("13.5"), drinkItems.get(3).pricingProfiles().get(0).dineInTax(),
                "a new item takes its neighbours' tax rate");
        MenuItem funghi = saved.menu().categories().get(0).items().get(2);
        assertEquals(7, funghi.availabilityOverrides().size(), "off the menu every day");
        assertTrue(ItemDraft.offEveryDay(funghi.availabilityOverrides()));
        assertEquals(2, saved.menu().modifiers().get(0).max());
        assertEquals(new BigDecimal("1.20"), saved.menu().modifiers().get(0).items().get(1).pricingProfiles().get(0)
                .dineInPrice());
        assertEquals(new BigDecimal("11.50"), office.revision(tenant.menuId(), 1).menu().categories().get(0).items()
                .get(0).pricingProfiles().get(0).dineInPrice(), "revision 1 is unchanged");
        assertFalse(item(model, "Funghi").availableProperty().get(), "the new draft shows what was saved");

        model.publish();
        assertEquals("Revision 2 is now on sale on Front counter till.", model.messageProperty().get());
        assertEquals(2, office.overview().menus().get(0).publications().get(0).menuRevisionId());
    }

    @Test
    void refusedDraftsShowTheServersFieldErrorsOnTheirRowsAndSaveNothing() throws Exception {
        MenuEditorViewModel model = new MenuEditorViewModel(office, Background.direct());
        model.load(tenant.menuId());
        item(model, "Margherita").costProperty().set("abc");
        model.save();
        assertEquals("ingredient cost: 'abc' is not an amount", item(model, "Margherita").errorProperty().get()
                .replace("Margherita: ", ""));
        assertTrue(model.failedProperty().get());

        item(model, "Margherita").costProperty().set("2.90");
        item(model, "Margherita").priceProperty().set("-1");
        item(model, "Cola").captionProperty().set(" ");
        model.groups().get(1).minProperty().set("3");
        model.groups().get(1).maxProperty().set("1");
        model.save();
        assertEquals("price: must be zero or more", item(model, "Margherita").errorProperty().get());
        assertEquals("needs 0 <= min <= max and max >= 1 (min 3, max 1)", model.groups().get(1).errorProperty().get());
        assertTrue(model.items().stream().anyMatch(i -> i.errorProperty().get().startsWith("caption: ")));
        assertTrue(model.messageProperty().get().startsWith("Not saved, the server refused the draft: "),
                model.messageProperty().get());
        assertTrue(model.messageProperty().get().contains("Margherita: price: must be zero or more"));
        assertEquals(1, office.overview().menus().get(0).revisions().size(), "no revision was made");

        client.remember("1111");
        MenuEditorViewModel cashier = new MenuEditorViewModel(office, Background.direct());
        cashier.load(null);
        assertTrue(cashier.messageProperty().get().startsWith("Only a manager can edit menus"),
                cashier.messageProperty().get());
        assertTrue(cashier.items().isEmpty());
    }

    @Test
    void snoozePanelSnoozesAnItemUntilATimeAndTheWholeChannel() throws Exception {
        SnoozePanelModel panel = new SnoozePanelModel(office, Background.direct(), Clock.systemUTC(), LiveServer.DUBLIN);
        panel.overviewArrived(office.overview());
        assertEquals(12, panel.rows().size());
        SnoozePanelModel.Row cola = panel.rows().stream().filter(r -> r.caption().equals("Cola")).findFirst()
                .orElseThrow();
        assertEquals("On sale", cola.statusProperty().get());

        panel.untilProperty().set("25:99");
        panel.snooze(cola);
        assertTrue(panel.failedProperty().get());
        assertFalse(cola.snoozedProperty().get(), "a time that is not a time snoozes nothing");
        assertFalse(office.snoozes(tenant.salesChannelId()).item(cola.menuItemId(), java.time.Instant.now())
                .isPresent());

        String later = DateTimeFormatter.ofPattern("HH:mm").format(ZonedDateTime.now(LiveServer.DUBLIN)
                .plus(Duration.ofHours(2)));
        panel.untilProperty().set(later);
        panel.snooze(cola);
        assertTrue(cola.snoozedProperty().get());
        assertTrue(cola.statusProperty().get().startsWith("Snoozed until " + later), cola.statusProperty().get());
        assertTrue(office.snoozes(tenant.salesChannelId()).item(cola.menuItemId(), java.time.Instant.now())
                .orElseThrow().expiry() != null);
        panel.unsnooze(cola);
        assertEquals("On sale", cola.statusProperty().get());
        assertEquals("Cola is back on sale.", panel.messageProperty().get());

        panel.untilProperty().set("");
        panel.snoozeChannel();
        assertTrue(panel.channelSnoozedProperty().get());
        assertTrue(office.snoozes(tenant.salesChannelId()).channel(java.time.Instant.now()).isPresent());
        panel.unsnoozeChannel();
        assertFalse(panel.channelSnoozedProperty().get());
        assertEquals("The channel is taking orders.", panel.channelStatusProperty().get());
    }

    private static ItemDraft item(MenuEditorViewModel model, String caption) {
        return model.items().stream().filter(i -> caption.equals(i.captionProperty().get())).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + caption));
    }
}
