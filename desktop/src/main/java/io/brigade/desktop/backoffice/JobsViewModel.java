package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.Refusals;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.jobs.Job;
import io.brigade.protocol.jobs.JobList;
import io.brigade.protocol.jobs.JobRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The job dashboard: the org's jobs newest first (the screen polls {@link #refresh}), starting the analytics
 * export, the bulk price update and the nutrition import, cancelling waiting or delayed jobs, and saving a
 * finished job's result.
 */
public final class JobsViewModel {
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);
    public static final String EXPORT = "analytics-export";
    public static final String PRICES = "bulk-meal-update";
    public static final String NUTRITION = "bulk-nutrition-import";
    private static final int SHOWN = 50;

    private final BackOfficeClient office;
    private final Background background;
    private final Supplier<String> menuId;
    private final ObservableList<Job> jobs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tierGate = new ReadOnlyStringWrapper("");

    /** {@code menuId} gives the menu this terminal sells from (the price and nutrition jobs change it). */
    public JobsViewModel(BackOfficeClient office, Background background, Supplier<String> menuId) {
        this.office = office;
        this.background = background;
        this.menuId = menuId;
    }

    public void refresh() {
        background.run(this::list, this::show, this::failed);
    }

    /**
     * The canonical analytics export for business dates {@code from} to {@code to}, after {@code delayMinutes}
     * (0 runs it now; a delayed job waits and can be cancelled until it starts).
     */
    public void startExport(LocalDate from, LocalDate to, int delayMinutes) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("fromDate", from == null ? null : from.toString());
        p.put("toDate", to == null ? null : to.toString());
        start(new JobRequest(EXPORT, p, delayMinutes > 0 ? delayMinutes * 60L : null),
                delayMinutes > 0 ? TEXTS.exportStartsIn(delayMinutes) : TEXTS.exportStarted());
    }

    /** A price (and availability) update from the CSV's text; {@code publish} sends the new revision out. */
    public void startPriceUpdate(String csv, boolean publish) {
        String menu = menuId.get();
        if (menu == null) {
            message.set(TEXTS.noMenuYet());
            return;
        }
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("menuId", menu);
        try {
            p.set("changes", PriceCsv.changes(csv));
        } catch (PriceCsv.Refused e) {
            message.set(TEXTS.priceFileRefused(e.getMessage()));
            return;
        }
        p.put("publish", publish);
        start(new JobRequest(PRICES, p, null), TEXTS.priceUpdateStarted());
    }

    /** A nutrition and allergen import; the server reads the CSV as it is. */
    public void startNutritionImport(String csv) {
        String menu = menuId.get();
        if (menu == null) {
            message.set(TEXTS.noMenuYet());
            return;
        }
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("menuId", menu);
        p.put("csv", csv);
        start(new JobRequest(NUTRITION, p, null), TEXTS.nutritionImportStarted());
    }

    /** As {@link #startPriceUpdate(String, boolean)} with the file the manager chose. */
    public void startPriceUpdate(Path csvFile, boolean publish) {
        readCsv(csvFile).ifPresent(csv -> startPriceUpdate(csv, publish));
    }

    /** As {@link #startNutritionImport(String)} with the file the manager chose. */
    public void startNutritionImport(Path csvFile) {
        readCsv(csvFile).ifPresent(this::startNutritionImport);
    }

    private java.util.Optional<String> readCsv(Path file) {
        try {
            String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            // Spreadsheets often start a UTF-8 CSV with a byte order mark, which would spoil the first header.
            return java.util.Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            message.set(TEXTS.couldNotRead(String.valueOf(file.getFileName()), e.getMessage()));
            return java.util.Optional.empty();
        }
    }

    private void start(JobRequest request, String done) {
        background.run(() -> {
            office.post("jobs", request, Job.class);
            return list();
        }, list -> {
            show(list);
            message.set(done);
        }, this::failed);
    }

    /** Cancels a waiting or delayed job (the server refuses others with its reason). */
    public void cancel(Job job) {
        background.run(() -> {
            office.post("jobs/" + job.jobId() + "/cancel", null, Job.class);
            return list();
        }, list -> {
            show(list);
            message.set(TEXTS.jobCancelled());
        }, this::failed);
    }

    /** Saves a finished job's result (one file as itself, several as a zip) to {@code target}. */
    public void download(Job job, Path target) {
        background.run(() -> office.downloadTo("jobs/" + job.jobId() + "/result", target),
                n -> message.set(TEXTS.savedBytes(String.valueOf(target.getFileName()), n)), this::failed);
    }

    /** The file name to offer when saving a job's result. */
    public static String resultName(Job job) {
        return job.files() != null && job.files().size() == 1 ? job.files().get(0).name()
                : "job-" + job.jobId() + ".zip";
    }

    /** The status as the table shows it: an active job whose server died says so, and by when it resumes. */
    public static String status(Job job) {
        if (job.statusDetail() == null) {
            return job.status();
        }
        return job.status() + " — " + job.statusDetail()
                + (job.resumeBy() == null ? "" : " by " + Cells.time(job.resumeBy()));
    }

    public static boolean cancellable(Job job) {
        return "waiting".equals(job.status()) || "delayed".equals(job.status());
    }

    public static boolean downloadable(Job job) {
        return "completed".equals(job.status()) && job.files() != null && !job.files().isEmpty();
    }

    private List<Job> list() throws java.io.IOException {
        return office.get("jobs?limit=" + SHOWN, JobList.class).data();
    }

    private void show(List<Job> list) {
        tierGate.set("");
        // Replace rows in place where the job is the same, so a selected row stays selected while polling.
        for (int i = 0; i < list.size(); i++) {
            if (i < jobs.size() && jobs.get(i).jobId().equals(list.get(i).jobId())) {
                if (!jobs.get(i).equals(list.get(i))) {
                    jobs.set(i, list.get(i));
                }
            } else {
                jobs.setAll(list);
                return;
            }
        }
        if (jobs.size() > list.size()) {
            jobs.remove(list.size(), jobs.size());
        }
    }

    private void failed(Throwable e) {
        if (Refusals.isTierGate(e)) {
            tierGate.set(e.getMessage());
        } else {
            message.set(Refusals.describe(e));
        }
    }

    public ObservableList<Job> jobs() {
        return jobs;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tierGateProperty() {
        return tierGate.getReadOnlyProperty();
    }
}
