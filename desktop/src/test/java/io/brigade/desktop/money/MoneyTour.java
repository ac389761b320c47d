package io.brigade.desktop.money;

import io.brigade.desktop.support.BackOfficeTabs;
import io.brigade.desktop.shell.AppServices;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A manager's day at a till, as the screens show it: open the drawer with a float, pay out for supplies, close with a
 * blind count 0.50 over, take the Z report in the back office and read the audit log. {@link Shooter} draws each
 * screen where the tour stops (tests pass one that does nothing).
 */
final class MoneyTour {
    /** Draws a scene under a name. */
    interface Shooter {
        void shoot(Scene scene, String name) throws Exception;
    }

    private final FxRobot robot = new FxRobot();

    void drawer(AppServices services, Shooter shooter) throws Exception {
        robot.clickOn("#drawer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#openingFloat").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#openingFloat").queryAs(TextField.class).setText("100.00"));
        robot.clickOn("#openShift");
        waitForText("#shiftStatus", "100.00");
        robot.interact(() -> {
            robot.lookup("#moveAmount").queryAs(TextField.class).setText("12.40");
            robot.lookup("#moveReason").queryAs(TextField.class).setText("Milk and lemons for the bar");
        });
        robot.clickOn("#payOut");
        waitForText("#drawerMessage", "12.40");
        robot.interact(() -> robot.lookup("#openShift").query().getScene().getWindow().hide());
        // A cash sale in the shift: a Margherita with mushrooms to take away, 12.50 in cash.
        robot.clickOn("#takeAway");
        robot.clickOn(robot.lookup(".item-button").match((Labeled b) -> b.getText().startsWith("Margherita\n")
                && b.isVisible()).<javafx.scene.Node>query());
        robot.clickOn(robot.lookup(".option-button").match((Labeled b) -> b.getText().startsWith("Mushrooms"))
                .<javafx.scene.Node>query());
        robot.clickOn("#addToTicket");
        robot.clickOn("#payCash");
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#receiptDone").tryQuery()
                    .map(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow().isShowing())
                    .orElse(false));
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("no receipt; the till says '" + robot.lookup("#tillMessage").tryQuery()
                    .map(n -> ((Labeled) n).getText()).orElse("") + "'", e);
        }
        robot.clickOn("#receiptDone");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> services.outbox().pendingMoney() == 0
                && services.outbox().pendingSales() == 0);
        robot.clickOn("#drawer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#closeShift").tryQuery().isPresent());
        robot.clickOn("#closeShift");
        // 100.60 counted: 50 + 20 + 20 + 10 + 0.50 + 0.10, against 100.00 + 12.50 - 12.40 = 100.10 expected.
        robot.interact(() -> {
            for (String[] c : new String[][] {{"50", "1"}, {"20", "2"}, {"10", "1"}, {"0_50", "1"}, {"0_10", "1"}}) {
                robot.lookup("#count-" + c[0]).queryAs(TextField.class).setText(c[1]);
            }
        });
        Scene dialog = robot.lookup("#blindCount").query().getScene();
        shooter.shoot(dialog, "shift-close-blind-count");
        robot.clickOn("#countDone");
        waitForText("#closeResult", "100.10");
        waitForText("#drawerMessage", "0.50");
        // Over by 0.50: the close is done, the difference worth a look (neither a success in green nor a refusal).
        if (!robot.lookup("#drawerMessage").query().getStyleClass().contains("warning-text")) {
            throw new AssertionError("over/short is not shown as a warning: "
                    + robot.lookup("#drawerMessage").query().getStyleClass());
        }
        shooter.shoot(dialog, "shift-close-result");
        robot.interact(() -> dialog.getWindow().hide());
    }

    void backOffice(Shooter shooter, String day) throws Exception {
        TabPane workspaces = robot.lookup("#workspaces").queryAs(TabPane.class);
        robot.interact(() -> workspaces.getSelectionModel().select(tab(workspaces, "workspace-back_office")));
        TabPane office = robot.lookup("#backOffice").queryAs(TabPane.class);
        BackOfficeTabs.open(robot, "tab-z-reports");
        robot.interact(() -> robot.lookup("#zDay").queryAs(TextField.class).setText(day));
        // The X report of the day so far shows the drawer, and changes nothing.
        robot.clickOn("#xReport");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#zReport").queryAs(TextArea.class)
                .getText().startsWith("X report") && robot.lookup("#zReport").queryAs(TextArea.class).getText()
                .contains("100.10"));
        robot.clickOn("#takeZ");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#zReport").queryAs(TextArea.class)
                .getText().contains("100.10"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#zList").queryAs(TableView.class)
                .getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        shooter.shoot(workspaces.getScene(), "z-report");
        BackOfficeTabs.open(robot, "tab-audit");
        robot.clickOn("#showAudit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#auditTable").queryAs(TableView.class)
                .getItems().size() >= 4);
        WaitForAsyncUtils.waitForFxEvents();
        // The Z is the manager's, taken with their session and named as they are.
        boolean byManager = false;
        for (Object row : robot.lookup("#auditTable").queryAs(TableView.class).getItems()) {
            io.brigade.protocol.money.AuditEntry a = (io.brigade.protocol.money.AuditEntry) row;
            byManager |= "Z_REPORT".equals(a.action()) && "Maeve".equals(a.staffName());
        }
        if (!byManager) {
            throw new AssertionError("the audit log does not name Maeve for the Z report");
        }
        shooter.shoot(workspaces.getScene(), "audit-log");
    }

    /**
     * The office's side of money: a till's request for a manager waiting in the Approvals tab (asked over HTTP as
     * "Till 2" would), the approval rules, and a voucher made in the Vouchers tab.
     */
    void officeMoney(io.brigade.desktop.support.LiveApp app, Shooter shooter) throws Exception {
        String body = "{\"requestId\":\"" + java.util.UUID.randomUUID() + "\",\"action\":\"REFUND\","
                + "\"amount\":13.99,\"subject\":\"sale T2-0042\",\"reason\":\"Diavola sent back cold\","
                + "\"requestedBy\":\"Ciara\",\"terminal\":\"Till 2\"}";
        java.net.http.HttpResponse<String> asked = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.server().url() + "/backoffice/v1/orgs/"
                                + app.tenant().orgId() + "/properties/" + app.tenant().propertyId()
                                + "/approval-requests"))
                        .header("Authorization", "Bearer " + app.server().token(app.tenant()))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (asked.statusCode() != 201) {
            throw new AssertionError(asked.body());
        }
        BackOfficeTabs.open(robot, "tab-approvals");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#approvalRequests")
                .queryAs(TableView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#approvalRequests").queryAs(TableView.class).getSelectionModel()
                .select(0));
        robot.interact(() -> robot.lookup("#approvalAnswer").queryAs(TextField.class)
                .setText("Refund it, and a drink on the house"));
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = robot.lookup("#workspaces").query().getScene();
        shooter.shoot(scene, "office-approvals");
        BackOfficeTabs.open(robot, "tab-money-settings");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#discountPercentLimit")
                .queryAs(TextField.class).getText().isEmpty());
        shooter.shoot(scene, "money-settings");
        BackOfficeTabs.open(robot, "tab-vouchers");
        robot.interact(() -> {
            robot.lookup("#voucherCode").queryAs(TextField.class).setText("WELCOME5");
            robot.lookup("#voucherAmount").queryAs(TextField.class).setText("5.00");
            robot.lookup("#voucherMaxUses").queryAs(TextField.class).setText("200");
            robot.lookup("#voucherNote").queryAs(TextField.class).setText("Flyer for the new terrace");
        });
        robot.clickOn("#createVoucher");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#voucherList")
                .queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        shooter.shoot(scene, "vouchers");
    }

    private void waitForText(String id, String part) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery()
                    .map(n -> ((Labeled) n).getText() != null && ((Labeled) n).getText().contains(part)).orElse(false));
        } catch (TimeoutException e) {
            throw new AssertionError(id + " never showed '" + part + "': '" + robot.lookup(id).tryQuery()
                    .map(n -> ((Labeled) n).getText()).orElse("(none)") + "', message '" + robot.lookup("#drawerMessage")
                    .tryQuery().map(n -> ((Labeled) n).getText()).orElse("") + "'", e);
        }
    }

    static Tab tab(TabPane pane, String id) {
        return pane.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow(() ->
                new AssertionError("no tab " + id));
    }

}
