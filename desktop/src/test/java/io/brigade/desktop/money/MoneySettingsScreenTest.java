package io.brigade.desktop.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.support.BackOfficeTabs;
import io.brigade.desktop.support.LiveApp;
import io.brigade.protocol.money.MoneySettings;
import io.brigade.protocol.money.Voucher;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A manager keeps the store's approval rules and the vouchers in the back office: bad input is refused with a clear
 * message and changes nothing on the store server; good input is saved and shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneySettingsScreenTest {
    private final FxRobot robot = new FxRobot();
    private LiveApp app;
    private MoneyOffice office;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        app = LiveApp.start(home, "Rules Bistro", false);
        app.signIn("9999");
        office = app.services().moneyOffice();
    }

    @AfterAll
    void close() throws Exception {
        app.close();
    }

    /** Opens the rules tab and waits for its read (the form is disabled until the store server answered). */
    private void openRules() throws TimeoutException {
        BackOfficeTabs.open(robot, "tab-money-settings");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#discountPercentLimit").query()
                .isDisabled());
    }

    private void type(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    private void says(String id, String part, String look) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery()
                    .map(n -> ((Labeled) n).getText().contains(part) && n.getStyleClass().contains(look))
                    .orElse(false));
        } catch (TimeoutException e) {
            throw new AssertionError(id + " never said '" + part + "' as " + look + ": '" + robot.lookup(id)
                    .queryAs(Labeled.class).getText() + "'", e);
        }
    }

    @Test
    void aPercentageWithLettersIsRefusedAndNothingIsSaved() throws Exception {
        openRules();
        MoneySettings before = office.settings();
        type("#discountPercentLimit", "twenty");
        robot.clickOn("#saveMoneySettings");

        says("#moneySettingsMessage", "Not a percentage: 'twenty'", "error-text");
        assertEquals(before, office.settings());
    }

    @Test
    void aPercentageAboveAHundredIsRefusedByTheStoreServer() throws Exception {
        openRules();
        MoneySettings before = office.settings();
        type("#discountPercentLimit", "150");
        robot.clickOn("#saveMoneySettings");

        says("#moneySettingsMessage", "percentage from 0 to 100", "error-text");
        assertEquals(before, office.settings());
    }

    @Test
    void newRulesAreSavedOnTheStoreServer() throws Exception {
        openRules();
        type("#discountPercentLimit", "15");
        type("#discountAmountLimit", "");
        robot.interact(() -> robot.lookup("#noSaleNeedsManager").queryAs(CheckBox.class).setSelected(false));
        robot.clickOn("#saveMoneySettings");

        says("#moneySettingsMessage", "Saved", "success-text");
        MoneySettings now = office.settings();
        assertEquals(0, new BigDecimal("15").compareTo(now.discountPercentLimit()));
        assertEquals(null, now.discountAmountLimit());
        assertFalse(now.noSaleNeedsManager());
        assertTrue(now.refundsNeedManager());
    }

    @Test
    void aVoucherWithLettersForItsValueIsNotCreated() throws Exception {
        BackOfficeTabs.open(robot, "tab-vouchers");
        type("#voucherCode", "LUNCH5");
        type("#voucherAmount", "five");
        robot.clickOn("#createVoucher");

        says("#vouchersMessage", "Not an amount: 'five'", "error-text");
        assertTrue(office.vouchers().stream().noneMatch(v -> v.code().equals("LUNCH5")));
    }

    @Test
    void aVoucherIsCreatedListedAndWithdrawn() throws Exception {
        BackOfficeTabs.open(robot, "tab-vouchers");
        type("#voucherCode", "SUMMER10");
        type("#voucherAmount", "10.00");
        type("#voucherMaxUses", "5");
        robot.clickOn("#createVoucher");
        says("#vouchersMessage", "Voucher SUMMER10 created", "success-text");
        TableView<?> list = robot.lookup("#voucherList").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() == 1);

        type("#voucherCode", "SUMMER10");
        type("#voucherAmount", "10.00");
        robot.clickOn("#createVoucher");
        says("#vouchersMessage", "exists already", "error-text");

        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#disableVoucher");
        says("#vouchersMessage", "Voucher SUMMER10 withdrawn", "success-text");
        List<Voucher> vouchers = office.vouchers();
        assertEquals(1, vouchers.size());
        assertFalse(vouchers.get(0).active());
        assertEquals(5, vouchers.get(0).maxUses());
    }
}
