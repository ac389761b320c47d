package io.brigade.desktop.money;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.support.LiveApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manager at the till opens the drawer with a float, pays out for supplies and closes with a blind count 0.50 over;
 * the back office then takes the day's Z report, which shows the drawer, and the audit log lists what was done.
 */
class DrawerScreenTest {
    @TempDir
    Path home;

    @Test
    void aBlindCountClosesTheShiftAndTheZReportShowsTheDrawer() throws Exception {
        try (LiveApp app = LiveApp.start(home, "Drawer Bistro", false)) {
            app.signIn("9999");
            MoneyTour tour = new MoneyTour();
            tour.drawer(app.services(), (scene, name) -> { });
            assertTrue(app.services().drawer().current().isEmpty(), "the shift is closed on the till");
            tour.backOffice((scene, name) -> { }, LocalDate.now(ZoneId.of("Europe/Dublin")).toString());
        }
    }
}
