package io.brigade.desktop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.LiveApp;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.TillSales;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real app, headless, against a real server: a manager opens the dashboard after known sales. */
class DashboardScreenTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private LiveApp live;
    private AppServices services;

    @BeforeEach
    void startApp() throws Exception {
        live = LiveApp.start(home, "Screen Bistro", false);
        services = live.services();
    }

    @AfterEach
    void stopApp() throws Exception {
        live.close();
    }

    @Test
    void managerSeesTheKnownSalesInTilesChartsAndTheIngredientTable() throws Exception {
        Instant at = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.SECONDS);
        DashboardViewModelTest.knownSales(new TillSales(services), at);
        live.signIn("9999");
        openDashboard();
        waitForText("#ordersTile", "3");

        assertEquals("€43.50", text("#revenueTile"));
        assertEquals(List.of("All properties"), shownIn("#propertyBox"));
        assertEquals(List.of("All channels"), shownIn("#channelBox"));
        assertEquals("€14.50", text("#averageTile"));
        assertEquals("1", text("#cancellationsTile"));
        assertEquals("€13.99 cancelled", text("#cancellationsNote"));

        LineChart<String, Number> days = robot.lookup("#revenueByDay").queryAs(LineChart.class);
        List<XYChart.Data<String, Number>> points = days.getData().get(0).getData();
        assertEquals(7, points.size());
        LocalDate today = LocalDate.now(LiveServer.DUBLIN);
        assertEquals(today.format(DateTimeFormatter.ofPattern("EEE d", Locale.UK)), points.get(6).getXValue());
        assertEquals(43.5, points.get(6).getYValue().doubleValue(), 1e-9);

        BarChart<String, Number> hours = robot.lookup("#revenueByHour").queryAs(BarChart.class);
        XYChart.Data<String, Number> hour = hours.getData().get(0).getData().get(0);
        assertEquals(String.format("%02d", at.atZone(LiveServer.DUBLIN).getHour()), hour.getXValue());
        assertEquals(43.5, hour.getYValue().doubleValue(), 1e-9);

        BarChart<Number, String> profit = robot.lookup("#profitabilityChart").queryAs(BarChart.class);
        assertEquals(List.of("Revenue", "Ingredient cost"), profit.getData().stream().map(XYChart.Series::getName)
                .toList());
        XYChart.Data<Number, String> loss = profit.getData().get(0).getData().stream()
                .filter(d -> d.getYValue().startsWith("Quattro formaggi")).findFirst().orElseThrow();
        assertEquals("Quattro formaggi (-68%)", loss.getYValue());
        assertEquals(DashboardController.LOSS_LEADER_STYLE, loss.getNode().getStyle(), "the loss leader is red");
        long highlighted = profit.getData().get(0).getData().stream()
                .filter(d -> DashboardController.LOSS_LEADER_STYLE.equals(d.getNode().getStyle())).count();
        assertEquals(1, highlighted, "only the meal sold at a loss");
        assertEquals("Loss leaders (sold below ingredient cost): Quattro formaggi", text("#lossLeaders"));

        TableView<?> table = robot.lookup("#ingredientsTable").queryAs(TableView.class);
        assertEquals(6, table.getItems().size());
        assertEquals("€5.80", cellText(table, 0, 3), "most costly first: Margherita 2 x 2.90");
        javafx.scene.control.ScrollPane page = robot.lookup("#dashboardContent").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> page.setVvalue(1.0)); // the table is at the bottom of the page
        robot.clickOn(robot.lookup(".column-header .label").match((Labeled l) -> "Ingredient cost".equals(l.getText()))
                .queryAs(Node.class));
        assertEquals(TableColumn.SortType.ASCENDING, table.getSortOrder().get(0).getSortType());
        assertEquals("€0.50", cellText(table, 0, 3), "sorted by cost, cheapest first: 2 x 0.25 mushrooms");
        List<Long> numberClasses = robot.lookup("#ingredientsTable .number-cell").queryAll().stream()
                .map(c -> c.getStyleClass().stream().filter("number-cell"::equals).count()).distinct().toList();
        assertEquals(List.of(1L), numberClasses, "a cell's style class is added once, not on every update");
        assertFalse(robot.lookup("#tierGate").query().isVisible());
    }

    @Test
    void professionalOrgSeesWhatUpgradingUnlocks() throws Exception {
        live.signIn("9999");
        live.server().setPlan(live.tenant().orgId(), "Professional");
        openDashboard();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#tierGate").query().isVisible());
        String message = text("#gateMessage");
        assertTrue(message.contains("needs the Enterprise plan") && message.contains("on Professional"), message);
        assertTrue(text("#gateUnlocks").contains("profitability by meal"), text("#gateUnlocks"));
        assertFalse(robot.lookup("#dashboardContent").query().isVisible(), "no empty charts behind the message");
    }

    @Test
    void anUnreadableTypedDateIsExplainedAndTheRangeStaysAsItWas() throws Exception {
        live.signIn("9999");
        openDashboard();
        waitForText("#ordersTile", "0");
        DatePicker from = robot.lookup("#fromDate").queryAs(DatePicker.class);
        LocalDate before = from.getValue();

        robot.interact(() -> from.getEditor().clear());
        robot.clickOn(from.getEditor()).write("31 Foo 2026").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        String status = text("#dashboardStatus");
        assertTrue(status.contains("“31 Foo 2026” is not a date"), status);
        assertTrue(robot.lookup("#dashboardStatus").query().isVisible());
        assertEquals(before, from.getValue(), "the range is left as it was");
        assertEquals(before.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)), from.getEditor().getText());
    }

    private void openDashboard() {
        TabPane tabs = robot.lookup("#workspaces").queryAs(TabPane.class);
        Tab dashboard = tabs.getTabs().stream().filter(t -> "workspace-dashboard".equals(t.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("a manager has a dashboard tab"));
        robot.interact(() -> tabs.getSelectionModel().select(dashboard));
    }

    private void waitForText(String query, String expected) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> expected.equals(text(query)));
            WaitForAsyncUtils.waitForFxEvents(); // the rest of that update (charts, table) lands in the same pulse
        } catch (TimeoutException e) {
            throw new AssertionError(query + " shows '" + text(query) + "', status '" + text("#dashboardStatus")
                    + "', expected '" + expected + "'", e);
        }
    }

    /** What a choice box shows (its button cell; other cells in it are empty). */
    private List<String> shownIn(String box) {
        return robot.lookup(box + " .list-cell").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .filter(t -> t != null && !t.isEmpty()).toList();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    private String cellText(TableView<?> table, int row, int column) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".table-row-cell").match((Node n) -> ((javafx.scene.control.TableRow<?>) n).getIndex() == row
                        && ((javafx.scene.control.TableRow<?>) n).getTableView() == table).queryAs(Node.class)
                .lookupAll(".table-cell").stream().map(c -> (javafx.scene.control.TableCell<?, ?>) c)
                .filter(c -> c.getTableColumn() == table.getColumns().get(column)).findFirst()
                .map(Labeled::getText).orElse(null);
    }
}
