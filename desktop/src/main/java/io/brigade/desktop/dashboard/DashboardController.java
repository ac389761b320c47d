package io.brigade.desktop.dashboard;

import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.dashboard.DashboardCharts.FunnelStep;
import io.brigade.desktop.dashboard.DashboardCharts.MealBar;
import io.brigade.desktop.dashboard.DashboardCharts.Point;
import io.brigade.desktop.dashboard.DashboardViewModel.Choice;
import io.brigade.desktop.dashboard.DashboardViewModel.State;
import io.brigade.protocol.analytics.IngredientUsage.Ingredient;
import io.brigade.protocol.jobs.Job;
import java.io.File;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The dashboard's screen: binds the view model to the filters, tiles, charts and table; no rules live here. */
public final class DashboardController {
    private static final DashboardTexts TEXTS = Texts.of(DashboardTexts.class);
    @FXML private BorderPane root;
    @FXML private HBox toolbar;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private ComboBox<Choice> propertyBox;
    @FXML private ComboBox<Choice> channelBox;
    @FXML private Button exportCsv;
    @FXML private Button startExport;
    @FXML private ScrollPane content;
    @FXML private Label rangeText;
    @FXML private ProgressBar exportProgress;
    @FXML private Label exportStatus;
    @FXML private Button saveExport;
    @FXML private Label ordersTile;
    @FXML private Label revenueTile;
    @FXML private Label averageTile;
    @FXML private Label cancellationsTile;
    @FXML private Label cancellationsNote;
    @FXML private LineChart<String, Number> revenueByDay;
    @FXML private NumberAxis dayAxis;
    @FXML private BarChart<String, Number> revenueByHour;
    @FXML private NumberAxis hourAxis;
    @FXML private BarChart<Number, String> profitabilityChart;
    @FXML private NumberAxis profitAxis;
    @FXML private Label marginSummary;
    @FXML private Label lossLeaders;
    @FXML private BarChart<Number, String> funnelChart;
    @FXML private BarChart<Number, String> optionsChart;
    @FXML private TableView<Ingredient> ingredientsTable;
    @FXML private TableColumn<Ingredient, String> ingredientName;
    @FXML private TableColumn<Ingredient, String> ingredientKind;
    @FXML private TableColumn<Ingredient, Long> ingredientQuantity;
    @FXML private TableColumn<Ingredient, BigDecimal> ingredientCost;
    @FXML private TableColumn<Ingredient, BigDecimal> ingredientShare;
    @FXML private VBox gate;
    @FXML private Label gateMessage;
    @FXML private Label gateUnlocks;
    @FXML private Label status;

    /** A loss leader's revenue bar, in red; inline because the chart resets its bars' style classes. */
    static final String LOSS_LEADER_STYLE = "-fx-bar-fill: #cf222e;";
    private DashboardViewModel model;
    private final Timeline exportPoll = new Timeline(new KeyFrame(Duration.millis(700),
            e -> model.export().pollExport()));

    public void bind(DashboardViewModel m) {
        this.model = m;
        fromDate.valueProperty().bindBidirectional(m.fromDateProperty());
        toDate.valueProperty().bindBidirectional(m.toDateProperty());
        propertyBox.setItems(m.properties());
        propertyBox.valueProperty().bindBidirectional(m.propertyProperty());
        channelBox.setItems(m.channels());
        channelBox.valueProperty().bindBidirectional(m.channelProperty());

        ordersTile.textProperty().bind(m.ordersProperty());
        revenueTile.textProperty().bind(m.revenueProperty());
        averageTile.textProperty().bind(m.averageOrderValueProperty());
        cancellationsTile.textProperty().bind(m.cancellationsProperty());
        cancellationsNote.textProperty().bind(m.cancellationsDetailProperty());
        rangeText.textProperty().bind(m.rangeTextProperty());
        exportStatus.textProperty().bind(m.exportStatusProperty());
        gateMessage.textProperty().bind(m.messageProperty());
        gateUnlocks.setText(TEXTS.unlocks());

        m.stateProperty().addListener((o, a, s) -> showState());
        m.messageProperty().addListener((o, a, s) -> showState());
        m.dataProperty().addListener((o, a, d) -> showCharts());
        m.export().exportJobProperty().addListener((o, a, job) -> showJob(job));
        exportPoll.setCycleCount(Timeline.INDEFINITE);

        fromDate.setConverter(dates(fromDate));
        toDate.setConverter(dates(toDate));
        wholeNumbers((NumberAxis) funnelChart.getXAxis());
        wholeNumbers((NumberAxis) optionsChart.getXAxis());
        moneyAxis(dayAxis);
        moneyAxis(hourAxis);
        moneyAxis(profitAxis);
        ingredientsTable.setItems(m.ingredients());
        ingredientName.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        ingredientKind.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                "item".equals(c.getValue().kind()) ? TEXTS.mealRecipe() : TEXTS.optionOrAddOn()));
        ingredientQuantity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().quantity()));
        ingredientCost.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().cost()));
        ingredientShare.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(share(c.getValue().cost())));
        ingredientQuantity.setCellFactory(col -> cell(v -> model.figures().count(v)));
        ingredientCost.setCellFactory(col -> cell(v -> model.figures().money(v)));
        ingredientShare.setCellFactory(col -> cell(v -> model.figures().percent(v)));
        showState();
    }

    /** The screen came into view: read everything afresh. */
    public void opened() {
        model.open();
    }

    private void showState() {
        State s = model.stateProperty().get();
        boolean gated = s == State.GATED;
        gate.setVisible(gated);
        content.setVisible(!gated);
        toolbar.setDisable(gated);
        exportCsv.setDisable(s != State.READY);
        startExport.setDisable(s != State.READY);
        status.setText(gated ? "" : model.messageProperty().get());
        status.setVisible(!gated && !status.getText().isEmpty());
        status.getStyleClass().removeAll("status-error");
        if (s == State.FAILED) {
            status.getStyleClass().add("status-error");
        }
    }

    private void showCharts() {
        DashboardCharts charts = model.charts();
        if (charts == null) {
            return;
        }
        XYChart.Series<String, Number> days = new XYChart.Series<>();
        for (Point p : charts.revenueByDay()) {
            days.getData().add(tipped(new XYChart.Data<>(p.category(), p.value().doubleValue()), p.category() + ": "
                    + model.figures().money(p.value())));
        }
        revenueByDay.getData().setAll(List.of(days));

        XYChart.Series<String, Number> hours = new XYChart.Series<>();
        for (Point p : charts.revenueByHour()) {
            hours.getData().add(tipped(new XYChart.Data<>(p.category(), p.value().doubleValue()), TEXTS.hourTip(p.category(),
                    model.figures().money(p.value()))));
        }
        revenueByHour.getData().setAll(List.of(hours));

        // Horizontal bars list categories bottom-up; reversed, the biggest seller is on top.
        List<MealBar> meals = reversed(charts.profitability());
        XYChart.Series<Number, String> revenue = new XYChart.Series<>();
        revenue.setName(TEXTS.revenue());
        XYChart.Series<Number, String> cost = new XYChart.Series<>();
        cost.setName(TEXTS.ingredientCost());
        for (MealBar m : meals) {
            String tip = TEXTS.mealTip(m.name(), model.figures().money(m.revenue()), model.figures().money(m.cost()),
                    model.figures().percent(m.marginPercent()));
            XYChart.Data<Number, String> r = tipped(new XYChart.Data<>(m.revenue().doubleValue(), m.category()), tip);
            if (m.lossLeader()) {
                whenShown(r, n -> n.setStyle(LOSS_LEADER_STYLE));
            }
            revenue.getData().add(r);
            cost.getData().add(tipped(new XYChart.Data<>(m.cost().doubleValue(), m.category()), tip));
        }
        profitabilityChart.getData().setAll(List.of(revenue, cost));
        marginSummary.setText(charts.marginSummary());
        List<String> losses = charts.lossLeaders();
        lossLeaders.setText(losses.isEmpty() ? TEXTS.noLossLeaders() : TEXTS.lossLeaders(String.join(", ", losses)));
        lossLeaders.getStyleClass().remove("has-losses");
        if (!losses.isEmpty()) {
            lossLeaders.getStyleClass().add("has-losses");
        }

        XYChart.Series<Number, String> steps = new XYChart.Series<>();
        for (FunnelStep f : reversed(charts.funnel())) {
            String label = f.category() + " · " + model.figures().percent(f.percentOfViews());
            steps.getData().add(tipped(new XYChart.Data<>(f.count(), label), f.category() + ": "
                    + model.figures().count(f.count())));
        }
        funnelChart.getData().setAll(List.of(steps));

        XYChart.Series<Number, String> options = new XYChart.Series<>();
        for (Point p : reversed(charts.optionPopularity())) {
            options.getData().add(tipped(new XYChart.Data<>(p.value().longValue(), p.category()), TEXTS.unitsSold(p.category(),
                    model.figures().count(p.value().longValue()))));
        }
        optionsChart.getData().setAll(List.of(options));
    }

    private void showJob(Job job) {
        boolean running = model.export().exportRunning();
        exportProgress.setVisible(running);
        exportProgress.setManaged(running);
        exportProgress.setProgress(job == null ? 0 : job.progress() / 100.0);
        boolean ready = model.export().exportReady();
        saveExport.setVisible(ready);
        saveExport.setManaged(ready);
        if (running) {
            exportPoll.play();
        } else {
            exportPoll.stop();
        }
    }

    @FXML
    private void onRefresh() {
        model.refresh();
    }

    @FXML
    private void onExportCsv() {
        chooseTarget(TEXTS.exportViewTitle(), model.csvFileName(), TEXTS.csvFiles(), "*.csv").ifPresent(model::saveCsv);
    }

    @FXML
    private void onStartExport() {
        model.startExport();
    }

    @FXML
    private void onSaveExport() {
        chooseTarget(TEXTS.saveExportTitle(), model.exportFileName(), TEXTS.zipOfCsvFiles(), "*.zip")
                .ifPresent(model.export()::saveExport);
    }

    /** Asks where to save; empty when the manager closes the dialog. */
    private Optional<Path> chooseTarget(String title, String fileName, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return Optional.ofNullable(chooser.showSaveDialog(root.getScene().getWindow())).map(File::toPath);
    }

    private BigDecimal share(BigDecimal cost) {
        DashboardData d = model.dataProperty().get();
        BigDecimal total = d == null ? BigDecimal.ZERO : d.ingredients().totalCost();
        return total.signum() == 0 ? null : cost.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP);
    }

    /** Dates shown as a manager reads them; typed text the model cannot read leaves the picker's date as it was. */
    private StringConverter<LocalDate> dates(DatePicker picker) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : model.showDate(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return model.typedDate(s, picker.getValue());
            }
        };
    }

    /** Counts: ticks between whole numbers get no label. */
    private void wholeNumbers(NumberAxis axis) {
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? model.figures().count((long) v) : "";
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
    }

    private void moneyAxis(NumberAxis axis) {
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return model.figures().axisMoney(BigDecimal.valueOf(n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
    }

    private static <T> TableCell<Ingredient, T> cell(java.util.function.Function<T, String> format) {
        TableCell<Ingredient, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
        cell.getStyleClass().add("number-cell"); // here, not in updateItem, which runs on every scroll and sort
        return cell;
    }

    private static <X, Y> XYChart.Data<X, Y> tipped(XYChart.Data<X, Y> data, String tip) {
        whenShown(data, n -> Tooltip.install(n, new Tooltip(tip)));
        return data;
    }

    private static <X, Y> void whenShown(XYChart.Data<X, Y> data, Consumer<Node> action) {
        if (data.getNode() != null) {
            action.accept(data.getNode());
        }
        data.nodeProperty().addListener((o, a, n) -> {
            if (n != null) {
                action.accept(n);
            }
        });
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> out = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }
}
