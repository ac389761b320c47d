package io.brigade.desktop.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.fx.Background;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.support.LiveApp;
import io.brigade.protocol.money.ApprovalPending;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A cashier at the till needs a manager for a no-sale and asks the office; the office (the back office's view model
 * over its own client, signed in as the manager) lists the request and answers: approved, the till's dialog closes
 * and the drawer opens; refused, the till says who refused and why, and closing the dialog withdraws nothing more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteApprovalScreenTest {
    private final FxRobot robot = new FxRobot();
    private LiveApp app;
    private BackOfficeClient manager;
    private OfficeApprovalsViewModel office;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        app = LiveApp.start(home, "Office Answers", false);
        app.signIn("1111");
        manager = new BackOfficeClient(app.server().url(), app.tenant().orgId(), List.of());
        manager.remember("9999");
        office = new OfficeApprovalsViewModel(new MoneyOffice(manager, app.tenant().propertyId()), Background.direct(),
                Texts.of(MoneyTexts.class));
        robot.clickOn("#drawer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#openingFloat").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#openingFloat").queryAs(TextField.class).setText("80.00"));
        robot.clickOn("#openShift");
        waitFor("#shiftStatus", "80.00");
    }

    @AfterAll
    void close() throws Exception {
        robot.interact(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.Stage s && s.getModality() != javafx.stage.Modality.NONE)
                .toList().forEach(javafx.stage.Window::hide));
        manager.forget();
        manager.close();
        app.close();
    }

    private ApprovalPending waitingAtTheOffice() throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            office.refresh();
            return office.requestsProperty().size() == 1;
        });
        return office.requestsProperty().get(0);
    }

    private void askTheOfficeForANoSale(String why) throws TimeoutException {
        robot.clickOn("#noSale");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#askOffice").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#approvalReason").queryAs(TextField.class).setText(why));
        robot.clickOn("#askOffice");
        waitFor("#approvalMessage", "Waiting for a manager at the office");
    }

    @Test
    void aNoSaleApprovedAtTheOfficeOpensTheDrawer() throws Exception {
        askTheOfficeForANoSale("Change for the float");
        ApprovalPending asked = waitingAtTheOffice();
        assertEquals("NO_SALE", asked.action());
        assertEquals("Ciara", asked.requestedBy());

        office.reasonProperty().set("Fine, once");
        office.approve(asked);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#approvalDialog").tryQuery().isEmpty());
        waitFor("#drawerMessage", Texts.of(MoneyTexts.class).drawerOpened());
        assertEquals(0, office.requestsProperty().size(), "the office no longer lists it");
    }

    @Test
    void aRefusalAtTheOfficeIsShownOnTheTill() throws Exception {
        askTheOfficeForANoSale("Customer wants change");
        ApprovalPending asked = waitingAtTheOffice();

        office.reasonProperty().set("Send them to the bank");
        office.refuse(asked);

        waitFor("#approvalMessage", "refused at the office: Send them to the bank");
        robot.interact(() -> robot.lookup("#approvalDialog").query().getScene().getWindow().hide());
        assertEquals(List.of(), pendingNow());
    }

    private List<ApprovalPending> pendingNow() {
        office.refresh();
        return List.copyOf(office.requestsProperty());
    }

    private void waitFor(String id, String part) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery()
                    .map(n -> ((Labeled) n).getText() != null && ((Labeled) n).getText().contains(part))
                    .orElse(false));
        } catch (TimeoutException e) {
            throw new AssertionError(id + " never showed '" + part + "': '" + robot.lookup(id).tryQuery()
                    .map(n -> ((Labeled) n).getText()).orElse("(none)") + "'", e);
        }
    }
}
