package io.brigade.desktop.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.support.EscPosReceiver;
import io.brigade.desktop.support.BackOfficeTabs;
import io.brigade.desktop.support.LiveApp;
import io.brigade.protocol.store.StorePrinter;
import io.brigade.protocol.store.StorePrinters;
import io.brigade.protocol.store.StoreSettings;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The back office's store and printers tabs, as a manager uses them, against a real server and printer. */
class PrintersScreenTest {
    @TempDir
    Path home;
    private LiveApp live;
    private EscPosReceiver counter;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void openTheBackOffice() throws Exception {
        counter = EscPosReceiver.start();
        live = LiveApp.start(home, "Printer Bistro", false);
        live.signIn("9999");
        TabPane workspaces = robot.lookup("#workspaces").queryAs(TabPane.class);
        robot.interact(() -> workspaces.getSelectionModel().select(tab(workspaces, "workspace-back_office")));
    }

    @AfterEach
    void close() throws Exception {
        live.close();
        counter.close();
    }

    private void open(String tabId) {
        TabPane office = robot.lookup("#backOffice").queryAs(TabPane.class);
        BackOfficeTabs.open(robot, tabId);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPrinterAddedInTheBackOfficePrintsItsTestPage() throws Exception {
        open("tab-printers");
        robot.clickOn("#newPrinter");
        robot.interact(() -> {
            robot.lookup("#printerName").queryAs(TextField.class).setText("Counter");
            robot.lookup("#printerAddress").queryAs(TextField.class).setText(counter.address());
        });
        robot.clickOn("#printerDrawer");
        robot.clickOn("#savePrinters");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#printersMessage").startsWith("Saved"));
        StorePrinters saved = live.services().backOffice().get("store/printers?propertyId="
                + live.tenant().propertyId(), StorePrinters.class);
        assertEquals(1, saved.printers().size());
        assertEquals(counter.address(), saved.printers().get(0).address());

        robot.clickOn("#testPage");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> counter.jobs().size() == 1);
        byte[] page = counter.jobs().get(0);
        assertTrue(EscPosReceiver.holds(page, "Printer test page", Charset.forName("cp858")));
        assertTrue(EscPosReceiver.indexOf(page, new byte[] {0x1b, 'p', 48, 50, 100}) >= 0, "the drawer kicks");
    }

    @Test
    void theStoresSettingsSavedInTheBackOfficeAreOnTheServer() throws Exception {
        open("tab-store");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#storeSettingsMessage").startsWith("Not saved"));
        robot.interact(() -> {
            robot.lookup("#restaurantName").queryAs(TextField.class).setText("Printer Bistro Dublin");
            robot.lookup("#taxNumber").queryAs(TextField.class).setText("IE1234567T");
        });
        robot.clickOn("#saveStoreSettings");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#storeSettingsMessage").startsWith("Saved"));
        StoreSettings read = live.services().backOffice().get("store/settings?propertyId="
                + live.tenant().propertyId(), StoreSettings.class);
        assertEquals("Printer Bistro Dublin", read.restaurantName());
        assertEquals("IE1234567T", read.taxNumber());
    }

    @Test
    void aReadOfTheStoreTabThatArrivesAfterTheManagerTypedKeepsTheirTyping() throws Exception {
        open("tab-store");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#storeSettingsMessage").startsWith("Not saved"));
        robot.interact(() -> robot.lookup("#restaurantName").queryAs(TextField.class).setText("Typed Bistro"));
        String path = "store/settings?propertyId=" + live.tenant().propertyId();
        StoreSettings now = live.services().backOffice().get(path, StoreSettings.class);
        live.services().backOffice().put(path, new StoreSettings(now.propertyId(), now.restaurantName(), now.address(),
                now.taxNumber(), "+353 1 555 0100", now.currency(), now.locale(), now.receiptHeader(),
                now.receiptFooter(), null, null), StoreSettings.class);

        open("tab-printers");
        open("tab-store");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> "+353 1 555 0100".equals(robot.lookup("#phone").queryAs(TextField.class).getText()));

        assertEquals("Typed Bistro", robot.lookup("#restaurantName").queryAs(TextField.class).getText());
        robot.clickOn("#saveStoreSettings");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#storeSettingsMessage").startsWith("Saved"));
        StoreSettings read = live.services().backOffice().get(path, StoreSettings.class);
        assertEquals("Typed Bistro", read.restaurantName());
        assertEquals("+353 1 555 0100", read.phone());
    }

    @Test
    void aZReportChosenInTheBackOfficePrintsOnThisPcsReceiptPrinter() throws Exception {
        StorePrinters printers = live.services().backOffice().put("store/printers?propertyId="
                + live.tenant().propertyId(), new StorePrinters(null, List.of(new StorePrinter(null, "Counter",
                StorePrinter.NETWORK, counter.address(), 80, "CP858_Euro", List.of(), null))), StorePrinters.class);
        live.services().store().store(printers);
        open("tab-z-reports");
        robot.clickOn("#takeZ");
        TableView<?> list = robot.lookup("#zList").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        robot.interact(() -> list.getSelectionModel().select(0));

        robot.clickOn("#printZ");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> counter.jobs().size() == 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#zMessage").contains("Counter"));
        assertTrue(live.services().printing().recent(5).stream().anyMatch(j -> Printing.REPORT.equals(j.kind())));
        assertEquals(-1, EscPosReceiver.indexOf(counter.jobs().get(0), new byte[] {0x1b, 'p'}), "the drawer stays shut");
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static Tab tab(TabPane pane, String id) {
        return pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }
}
