package io.brigade.desktop.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.fx.FxBackground;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.support.LiveApp;
import io.brigade.protocol.money.AuditEntry;
import io.brigade.protocol.money.ZReportSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The back office's Z reports and audit log as a manager uses them, on a stage of their own at 1024 x 768 over the
 * store server of a running app: a Z taken and listed with its day as the language writes it, exported as CSV and
 * PDF, the audit log filtered by action with its time whole; a day that is not a date is refused and nothing is
 * taken or read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyOfficeScreenTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Dublin");
    private final FxRobot robot = new FxRobot();
    private LiveApp app;
    private MoneyOffice office;
    private FxBackground background;
    private Path exports;
    private Stage stage;
    private TabPane tabs;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        app = LiveApp.start(home, "Office Bistro", false);
        app.signIn("9999");
        office = app.services().moneyOffice();
        background = new FxBackground();
        exports = Files.createDirectories(home.resolve("exports"));
        robot.interact(() -> {
            tabs = new TabPane();
            tabs.getTabs().addAll(MoneyOfficeView.tabs(office, background, Texts.of(MoneyTexts.class), ZONE, "EUR",
                    exports));
            stage = new Stage();
            stage.setScene(new Scene(tabs, 1024, 768));
            stage.show();
        });
        openTab(0);
    }

    @AfterAll
    void close() throws Exception {
        robot.interact(() -> stage.close());
        background.close();
        app.close();
    }

    @Test
    void aBusinessDayThatIsNotADateIsRefusedAndNoZIsTaken() throws Exception {
        openTab(0);
        int before = office.zReports().size();
        type("#zDay", "yesterday");
        robot.clickOn(node("#takeZ"));

        says("#zMessage", "Not a date: 'yesterday' (for example " + MoneyDates.example() + ")", "error-text");
        assertEquals(before, office.zReports().size());
    }

    @Test
    void aZTakenIsListedWithItsDayAsTheLanguageWritesIt() throws Exception {
        ZReportSummary z = takeTodaysZ();
        TableView<?> list = (TableView<?>) node("#zList");

        assertEquals(MoneyDates.date(LocalDate.now(ZONE)), list.getColumns().get(1).getCellData(0));
        assertEquals(Long.toString(z.zNumber()), list.getColumns().get(0).getCellData(0));
        assertTrue(((TextArea) node("#zReport")).getText().startsWith("Z report " + z.zNumber()),
                ((TextArea) node("#zReport")).getText());
    }

    @Test
    void theChosenZIsExportedAsCsvAndPdf() throws Exception {
        ZReportSummary z = takeTodaysZ();
        TableView<?> list = (TableView<?>) node("#zList");
        robot.interact(() -> list.getSelectionModel().select(0));

        robot.clickOn(node("#exportZ"));
        Path csv = exports.resolve("z-" + z.zNumber() + "-" + z.businessDate() + ".csv");
        says("#zMessage", csv.toString(), "success-text");
        assertTrue(Files.readString(csv).contains("net sales"), Files.readString(csv));

        robot.clickOn(node("#exportZPdf"));
        Path pdf = exports.resolve("z-" + z.zNumber() + "-" + z.businessDate() + ".pdf");
        says("#zMessage", pdf.toString(), "success-text");
        assertTrue(Files.size(pdf) > 0);
        assertTrue(Files.readString(exports.resolve("z-" + z.zNumber() + "-" + z.businessDate() + "-audit.csv"))
                .contains("Z_REPORT"));
    }

    @Test
    void anExportWithNoZChosenSaysToChooseOne() throws Exception {
        openTab(0);
        TableView<?> list = (TableView<?>) node("#zList");
        robot.interact(() -> list.getSelectionModel().clearSelection());
        long files;
        try (var listed = Files.list(exports)) {
            files = listed.count();
        }

        robot.clickOn(node("#exportZ"));

        says("#zMessage", "Choose a Z report first.", "error-text");
        try (var listed = Files.list(exports)) {
            assertEquals(files, listed.count());
        }
    }

    @Test
    void theAuditLogShowsOneActionWithItsTimeWhole() throws Exception {
        takeTodaysZ();
        openTab(1);
        robot.interact(() -> ((ChoiceBox<?>) node("#auditAction")).getSelectionModel()
                .select(1 + AuditViewModel.ACTIONS.indexOf("Z_REPORT")));
        robot.clickOn(node("#showAudit"));
        TableView<?> table = (TableView<?>) node("#auditTable");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        for (Object row : table.getItems()) {
            assertEquals("Z_REPORT", ((AuditEntry) row).action());
        }
        AuditEntry first = (AuditEntry) table.getItems().get(0);
        String time = MoneyDates.dateTime(first.at(), ZONE);
        assertEquals(time, table.getColumns().get(0).getCellData(0));
        // The cell shows the whole text (a cut one ends in an ellipsis).
        Labeled cell = robot.from(table).lookup(".table-cell").match((TableCell<?, ?> c) -> time.equals(c.getText()))
                .queryAs(Labeled.class);
        assertEquals(time, robot.from(cell).lookup(".text").queryAs(Text.class).getText());

        robot.interact(() -> ((ChoiceBox<?>) node("#auditAction")).getSelectionModel()
                .select(1 + AuditViewModel.ACTIONS.indexOf("PAY_OUT")));
        robot.clickOn(node("#showAudit"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, table.getItems()::isEmpty);
    }

    @Test
    void anAuditDayThatIsNotADateIsRefusedAndTheListStays() throws Exception {
        openTab(1);
        TableView<?> table = (TableView<?>) node("#auditTable");
        List<?> before = List.copyOf(table.getItems());
        type("#auditFrom", "31/31/2026");
        robot.clickOn(node("#showAudit"));

        says("#auditMessage", "Not a date: '31/31/2026", "error-text");
        assertEquals(before, List.copyOf(table.getItems()));
        type("#auditFrom", MoneyDates.date(LocalDate.now(ZONE)));
    }

    /** Today's Z, taken on screen once (a day has one Z), the Z tab shown with it listed. */
    private ZReportSummary takeTodaysZ() throws Exception {
        openTab(0);
        TableView<?> list = (TableView<?>) node("#zList");
        if (office.zReports().isEmpty()) {
            type("#zDay", MoneyDates.date(LocalDate.now(ZONE)));
            robot.clickOn(node("#takeZ"));
            says("#zMessage", "Z report 1", "success-text");
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        return (ZReportSummary) list.getItems().get(0);
    }

    private void openTab(int index) {
        robot.interact(() -> {
            tabs.getSelectionModel().select(index);
            if (tabs.getTabs().get(index).getUserData() instanceof Runnable read) {
                read.run();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node node(String id) {
        return robot.from(tabs).lookup(id).query();
    }

    private void type(String id, String text) {
        robot.interact(() -> ((TextField) node(id)).setText(text));
    }

    private void says(String id, String part, String look) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ((Labeled) node(id)).getText().contains(part)
                    && node(id).getStyleClass().contains(look));
        } catch (TimeoutException e) {
            throw new AssertionError(id + " never said '" + part + "' as " + look + ": '"
                    + ((Labeled) node(id)).getText() + "'", e);
        }
    }
}
