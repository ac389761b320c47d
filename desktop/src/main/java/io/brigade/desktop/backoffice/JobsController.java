package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.jobs.Job;
import java.io.File;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/** The jobs tab: the live list with progress bars, and the buttons that start, cancel and save jobs. */
public final class JobsController {
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);
    @FXML private Label tierGate;
    @FXML private DatePicker from;
    @FXML private DatePicker to;
    @FXML private Spinner<Integer> delay;
    @FXML private CheckBox publish;
    @FXML private TableView<Job> table;
    @FXML private TableColumn<Job, String> typeColumn;
    @FXML private TableColumn<Job, String> statusColumn;
    @FXML private TableColumn<Job, Job> progressColumn;
    @FXML private TableColumn<Job, String> createdColumn;
    @FXML private TableColumn<Job, String> finishedColumn;
    @FXML private TableColumn<Job, String> outcomeColumn;
    @FXML private Button cancel;
    @FXML private Button download;
    @FXML private Label message;
    private JobsViewModel model;

    public void bind(JobsViewModel model, ZoneId businessZone) {
        this.model = model;
        LocalDate today = LocalDate.now(businessZone);
        from.setValue(today.minusDays(6));
        to.setValue(today);
        delay.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 24 * 60, 0));
        table.setItems(model.jobs());
        Cells.text(typeColumn, JobsController::title);
        Cells.text(statusColumn, JobsViewModel::status);
        progressColumn.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        progressColumn.setCellFactory(c -> new ProgressCell());
        Cells.text(createdColumn, j -> Cells.time(j.createdAt()));
        Cells.text(finishedColumn, j -> "delayed".equals(j.status()) ? TEXTS.jobRunsAt(Cells.time(j.runAt()))
                : Cells.time(j.finishedAt()));
        Cells.text(outcomeColumn, JobsController::outcome);
        tierGate.textProperty().bind(model.tierGateProperty());
        tierGate.visibleProperty().bind(model.tierGateProperty().isNotEmpty());
        tierGate.managedProperty().bind(tierGate.visibleProperty());
        var selected = table.getSelectionModel().selectedItemProperty();
        cancel.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || !JobsViewModel.cancellable(selected.get()), selected));
        download.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || !JobsViewModel.downloadable(selected.get()), selected));
        message.textProperty().bind(model.messageProperty());
    }

    private static String title(Job j) {
        return switch (j.type()) {
            case JobsViewModel.EXPORT -> TEXTS.jobExport();
            case JobsViewModel.PRICES -> TEXTS.jobPrices();
            case JobsViewModel.NUTRITION -> TEXTS.jobNutrition();
            default -> j.type();
        };
    }

    private static String outcome(Job j) {
        if (j.error() != null) {
            return j.error();
        }
        if (j.files() != null && !j.files().isEmpty()) {
            return TEXTS.jobFiles(j.files().size(), j.files().stream().mapToInt(f -> f.rows()).sum());
        }
        return j.result() == null || j.result().isNull() ? "" : j.result().toString();
    }

    /** A progress bar with the percentage beside it. */
    private static final class ProgressCell extends TableCell<Job, Job> {
        private final ProgressBar bar = new ProgressBar(0);
        private final Label percent = new Label();
        private final HBox box = new HBox(8, bar, percent);

        {
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        ProgressCell() {
            bar.getStyleClass().add("job-progress");
            percent.getStyleClass().add("job-percent");
        }

        @Override
        protected void updateItem(Job job, boolean empty) {
            super.updateItem(job, empty);
            if (empty || job == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(job.progress() / 100.0);
            percent.setText(job.progress() + "%");
            setGraphic(box);
        }
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void onExport() {
        delay.commitValue();
        model.startExport(from.getValue(), to.getValue(), delay.getValue() == null ? 0 : delay.getValue());
    }

    @FXML
    private void onPrices() {
        File f = chooseCsv(TEXTS.choosePriceCsv());
        if (f != null) {
            model.startPriceUpdate(f.toPath(), publish.isSelected());
        }
    }

    @FXML
    private void onNutrition() {
        File f = chooseCsv(TEXTS.chooseNutritionCsv());
        if (f != null) {
            model.startNutritionImport(f.toPath());
        }
    }

    private File chooseCsv(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(TEXTS.csvFiles(), "*.csv"));
        return chooser.showOpenDialog(table.getScene().getWindow());
    }

    @FXML
    private void onCancel() {
        Job job = table.getSelectionModel().getSelectedItem();
        if (job != null) {
            model.cancel(job);
        }
    }

    @FXML
    private void onDownload() {
        Job job = table.getSelectionModel().getSelectedItem();
        if (job == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(TEXTS.saveResultOf(title(job)));
        chooser.setInitialFileName(JobsViewModel.resultName(job));
        File target = chooser.showSaveDialog(table.getScene().getWindow());
        if (target != null) {
            model.download(job, target.toPath());
        }
    }
}
