package io.brigade.desktop.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.desktop.client.StoreJoin;
import io.brigade.desktop.support.BackOfficeTabs;
import io.brigade.desktop.support.LiveApp;
import io.brigade.protocol.Data;
import io.brigade.protocol.devices.Device;
import io.brigade.protocol.devices.Fingerprints;
import io.brigade.protocol.devices.NewPairingCode;
import io.brigade.protocol.devices.PairingCode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The back office's devices of a store server: a pairing code to add one, the list, and removing one. */
class DevicesScreenTest {
    private static final TypeReference<Data<List<Device>>> DEVICES = new TypeReference<>() { };
    @TempDir
    Path home;
    private LiveApp live;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void openTheDevicesTab() throws Exception {
        live = LiveApp.startOnStore(home, "Brigade Bistro");
        live.signIn("9999");
        TabPane workspaces = robot.lookup("#workspaces").queryAs(TabPane.class);
        robot.interact(() -> workspaces.getSelectionModel().select(tab(workspaces, "workspace-back_office")));
        TabPane office = robot.lookup("#backOffice").queryAs(TabPane.class);
        BackOfficeTabs.open(robot, "tab-devices");
    }

    @AfterEach
    void close() throws Exception {
        live.close();
    }

    @Test
    void addingADeviceShowsTheOneTimeCodeAndTheStoresFingerprint() throws Exception {
        robot.clickOn("#addDevice");
        robot.clickOn("#makePairingCode");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#pairingCode").matches("[0-9A-Z]{4}-[0-9A-Z]{4}"));

        assertEquals(Fingerprints.display(live.server().fingerprint()), text("#pairingFingerprint"));
        assertTrue(text("#pairingExpiry").startsWith("Works once, until"), text("#pairingExpiry"));
    }

    @Test
    void removingADeviceAsksFirst() throws Exception {
        pair("Bar till");
        robot.clickOn("#refreshDevices");
        TableView<?> table = robot.lookup("#deviceTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));

        robot.clickOn("#revokeDevice");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirmAction").tryQuery().isPresent());
        javafx.scene.Node n = robot.lookup("#confirmAction").query();
        while (!(n instanceof DialogPane)) {
            n = n.getParent();
        }
        DialogPane question = (DialogPane) n;
        assertEquals("Remove Bar till from the store?", question.getHeaderText());
        robot.clickOn("Keep");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(devices().get(0).revokedAt(), "keeping it changes nothing");

        robot.clickOn("#revokeDevice");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirmAction").tryQuery().isPresent());
        robot.clickOn("#confirmAction");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#deviceMessage").contains("is removed"));
        assertTrue(devices().get(0).revokedAt() != null);
    }

    private void pair(String name) throws Exception {
        PairingCode code = live.services().backOffice().post("devices/pairing-codes",
                new NewPairingCode(live.tenant().propertyId(), "TILL", null), PairingCode.class);
        new StoreJoin().pair(new StoreJoin.Store(live.server().httpsUrl(), "store", live.server().fingerprint()),
                code.code(), name);
    }

    private List<Device> devices() throws Exception {
        return live.services().backOffice().get("devices", DEVICES).data();
    }

    private static Tab tab(TabPane pane, String id) {
        return pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
    }

    private String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }
}
