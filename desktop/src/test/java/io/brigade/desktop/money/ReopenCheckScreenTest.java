package io.brigade.desktop.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.support.LiveApp;
import io.brigade.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A manager reopens table 12's check, closed and paid a moment ago, from the till's Recent sales: the store's closed
 * checks are listed, the reopen is confirmed and approved with the manager's PIN, and the store server has the check
 * open again with its sale cancelled.
 */
class ReopenCheckScreenTest {
    private final FxRobot robot = new FxRobot();

    @TempDir
    Path home;

    @Test
    void aManagerReopensAClosedCheckFromTheTill() throws Exception {
        try (LiveApp app = LiveApp.start(home, "Reopen Bistro", false)) {
            app.signIn("9999");
            String check = UUID.randomUUID().toString();
            String lager = app.tenant().menuItemIds().get(11);
            operate(app, check, "{\"type\":\"open\",\"propertyId\":\"" + app.tenant().propertyId()
                    + "\",\"salesChannelId\":\"" + app.tenant().salesChannelId() + "\",\"dispatchType\":\"DineIn\","
                    + "\"table\":\"12\",\"guests\":2,\"menuId\":\"" + app.tenant().menuId() + "\",\"menuRevisionId\":\""
                    + app.tenant().menuRevisionId() + "\"");
            operate(app, check, "{\"type\":\"add\",\"lines\":[{\"lineId\":\"" + check + "-1\",\"menuItemId\":\""
                    + lager + "\",\"quantity\":2,\"unitPrice\":6.00}]");
            JsonNode closed = operate(app, check, "{\"type\":\"pay\",\"paymentMethod\":\"Cash\",\"amount\":12.00");
            assertEquals("CLOSED", closed.get("state").asText(), closed.toString());
            String sale = closed.get("saleIds").get(0).asText();

            robot.clickOn("#recentSales");
            robot.clickOn("#reopenChecks");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#closedChecks").tryQuery()
                    .map(n -> !((ListView<?>) n).getItems().isEmpty()).orElse(false));
            robot.interact(() -> robot.lookup("#closedChecks").queryAs(ListView.class).getSelectionModel().select(0));
            robot.interact(() -> robot.lookup("#reopenReason").queryAs(TextField.class)
                    .setText("Guests ordered dessert"));
            robot.clickOn("#reopenCheck");
            robot.clickOn(robot.lookup("#confirmReopen .button").match((Labeled b) -> b.getText().equals("OK"))
                    .<javafx.scene.Node>query());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#managerPin").tryQuery().isPresent());
            robot.clickOn("#managerPin").write("9999");
            robot.clickOn(robot.lookup("#approvalDialog .button").match((Labeled b) -> b.getText().equals("Approve"))
                    .<javafx.scene.Node>query());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#reopenMessage").tryQuery()
                    .map(n -> ((Labeled) n).getText().contains("Table 12 is open again")).orElse(false));

            JsonNode now = get(app, "/backoffice/v1/orgs/" + app.tenant().orgId() + "/checks/" + check);
            assertEquals("OPEN", now.get("state").asText(), now.toString());
            assertEquals("SALE_CANCELLED", get(app, "/salesManagement/orgs/" + app.tenant().orgId()
                    + "/salesChannels/" + app.tenant().salesChannelId() + "/sales/" + sale).get("data")
                    .get("status").asText());
            robot.interact(() -> robot.lookup("#reopenCheck").query().getScene().getWindow().hide());
            robot.interact(() -> robot.lookup("#recentSalesList").query().getScene().getWindow().hide());
        }
    }

    /** Applies a check operation (the JSON without its closing brace, the id and time added here). */
    private static JsonNode operate(LiveApp app, String check, String json) throws Exception {
        String body = json + ",\"operationId\":\"" + UUID.randomUUID() + "\",\"at\":\"" + Instant.now() + "\"}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.server().url()
                        + "/backoffice/v1/orgs/" + app.tenant().orgId() + "/checks/" + check + "/operations"))
                .header("Authorization", "Bearer " + app.server().token(app.tenant()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }

    private static JsonNode get(LiveApp app, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.server().url()
                + path)).header("Authorization", "Bearer " + app.server().token(app.tenant())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.mapper().readTree(r.body());
    }
}
