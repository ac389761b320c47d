package io.brigade.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.desktop.i18n.Language;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.support.LiveApp;
import io.brigade.desktop.till.PricedItem;
import io.brigade.desktop.till.TillViewModel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The language the real app speaks, headless, against a live server: a member's own from the menu at the top, the
 * terminal's from its settings; the screens change without a restart. One app for the class (each start costs
 * seconds, each switch builds every workspace again); every test begins at the sign-in screen in English and leaves
 * it so. That signing out goes back to the terminal's language is LanguageSwitchTest's.
 */
class LanguageScreenTest {
    @TempDir
    static Path home;
    private static LiveApp live;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        live = LiveApp.start(home, "Sprachen Bistro", false);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> live.app().till().menuProperty().get() != null);
    }

    @AfterAll
    static void stopApp() throws Exception {
        live.close();
        Texts.use(Language.ENGLISH);
    }

    @AfterEach
    void backToEnglishAtTheSignInScreen() throws Exception {
        if (robot.lookup("#workspaces").tryQuery().map(n -> n.getScene() != null).orElse(false)) {
            choose("#language-terminal");
            robot.clickOn("#signOut");
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Sign in".equals(text("#signIn")));
    }

    @Test
    void aMemberWhoChoosesGermanSeesTheTillInGermanWithTheTicketKept() throws Exception {
        live.signIn("9999");
        TillViewModel till = live.app().till();
        robot.interact(() -> {
            PricedItem cola = till.menuProperty().get().search("Cola").get(0);
            till.open(cola).ifPresent(till::add);
        });

        choose("#language-de");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Bar (Enter)".equals(text("#payCash")));
        assertEquals(1, till.lines().size(), "the ticket survives the new screens");
    }

    @Test
    void screensBuiltInAnotherLanguageLeaveOnePrinterLineListening() throws Exception {
        live.signIn("9999");

        choose("#language-de");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Bar (Enter)".equals(text("#payCash")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, live.services().printing().statusListeners(), "the old screens' printer line let go");
    }

    @Test
    void theLanguageAMemberChoosesIsKeptWithThemOnTheStoreServer() throws Exception {
        live.signIn("9999");

        choose("#language-es");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> "es".equals(live.server().languageOf(live.tenant(), "Maeve")));
    }

    @Test
    void aManagerSetsTheTerminalsLanguageForStaffWithoutOne() throws Exception {
        live.signIn("9999");
        robot.clickOn("#workspace-back_office");
        robot.clickOn("#group-store").clickOn("#tab-terminal");
        robot.interact(() -> robot.lookup("#terminalLanguage").queryComboBox().getSelectionModel()
                .select(Language.SPANISH));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Cerrar sesión".equals(text("#signOut")));
        robot.interact(() -> robot.lookup("#terminalLanguage").queryComboBox().getSelectionModel()
                .select(Language.ENGLISH));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Sign out".equals(text("#signOut")));
    }

    private void choose(String item) {
        robot.clickOn("#languageMenu");
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(null);
    }
}
