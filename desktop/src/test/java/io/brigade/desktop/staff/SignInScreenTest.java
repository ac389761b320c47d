package io.brigade.desktop.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.support.LiveApp;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Signing in where the store server has the last word: a new manager's own PIN, and lockouts. */
class SignInScreenTest {
    @TempDir
    Path home;
    private LiveApp live;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void open() throws Exception {
        live = LiveApp.start(home, "Brigade Bistro", false);
    }

    @AfterEach
    void close() throws Exception {
        live.close();
    }

    @Test
    void aManagerWithTheOneTimePinChoosesTheirOwnBeforeSigningIn() throws Exception {
        live.server().requirePinChange(live.tenant(), "Maeve");
        pin("9999");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#choosePin").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        assertEquals("Welcome, Maeve. Choose your own PIN", text("#choosePinTitle"));

        fill("#newPin", "4321");
        fill("#repeatPin", "4312");
        robot.clickOn("#savePin");
        assertEquals("The two PINs differ. Type the same PIN twice.", text("#signInMessage"));

        fill("#repeatPin", "4321");
        robot.clickOn("#savePin");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#staffName").equals("Maeve (Manager)"));
    }

    @Test
    void tooManyWrongPinsShowTheLockout() throws Exception {
        for (int attempt = 0; attempt < 6 && !text("#signInMessage").contains("locked"); attempt++) {
            pin("1234");
            // The pad empties once the answer is in.
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#pinDots").equals("Enter your PIN"));
        }
        assertTrue(text("#signInMessage").startsWith("Too many wrong PINs: sign-in on"), text("#signInMessage"));
        assertTrue(text("#signInMessage").contains("locked for 5 more minute(s)"), text("#signInMessage"));
    }

    private void pin(String digits) {
        WaitForAsyncUtils.waitForFxEvents();
        for (char c : digits.toCharArray()) {
            robot.clickOn("#pin" + c);
        }
        robot.clickOn("#signIn");
    }

    private void fill(String field, String text) {
        robot.interact(() -> robot.lookup(field).queryAs(TextField.class).setText(text));
    }

    private String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }
}
