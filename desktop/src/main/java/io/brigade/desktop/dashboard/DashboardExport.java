package io.brigade.desktop.dashboard;

import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.jobs.Job;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The dashboard's exports: the current view as CSV, and the canonical export job (started on the server, followed
 * until it ends, its zip saved). Its state is two read-only properties, the job and a line of status.
 */
public final class DashboardExport {
    private static final DashboardTexts TEXTS = Texts.of(DashboardTexts.class);
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");
    private final DashboardSource source;
    private final Background background;
    private final ReadOnlyObjectWrapper<Job> exportJob = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper("");
    private boolean polling;

    public DashboardExport(DashboardSource source, Background background) {
        this.source = source;
        this.background = background;
    }


    /** Writes a view as CSV ({@link DashboardCsv}) to {@code file}, naming its property and channel. */
    public void saveCsv(DashboardData d, String propertyName, String channelName, Path file) {
        background.run(() -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                DashboardCsv.write(d, propertyName, channelName, w);
            }
            return file;
        }, saved -> exportStatus.set(TEXTS.savedView(saved.getFileName().toString())),
                failure -> exportStatus.set(TEXTS.couldNotSaveCsv(failure.getMessage())));
    }

    /** Starts the canonical export for {@code filter} (the server's {@code analytics-export} job). */
    public void startExport(DashboardFilter filter) {
        exportStatus.set(TEXTS.startingExport());
        background.run(() -> source.startExport(filter), this::showJob,
                failure -> exportStatus.set(TEXTS.exportCouldNotStart(failure.getMessage())));
    }

    /** Reads the export job's progress again, unless it has finished or a read is already under way. */
    public void pollExport() {
        if (!exportRunning() || polling) {
            return;
        }
        Job job = exportJob.get();
        polling = true;
        background.run(() -> source.job(job.jobId()), j -> {
            polling = false;
            showJob(j);
        }, failure -> {
            polling = false;
            exportStatus.set(TEXTS.lostTrack(failure.getMessage()));
        });
    }

    /** Whether an export job was started and has not finished (waiting, delayed or active). */
    public boolean exportRunning() {
        Job job = exportJob.get();
        return job != null && !FINISHED.contains(job.status());
    }

    /** Whether the export job is done and its files can be saved. */
    public boolean exportReady() {
        Job job = exportJob.get();
        return job != null && "completed".equals(job.status());
    }

    /** Downloads the finished export (a zip of its CSV files) to {@code file}. */
    public void saveExport(Path file) {
        Job job = exportJob.get();
        if (!exportReady()) {
            return;
        }
        background.run(() -> {
            source.saveResult(job.jobId(), file);
            return file;
        }, saved -> exportStatus.set(TEXTS.exportSaved(saved.getFileName().toString())),
                failure -> exportStatus.set(TEXTS.couldNotDownload(failure.getMessage())));
    }

    private void showJob(Job job) {
        exportJob.set(job);
        exportStatus.set(switch (job.status()) {
            case "completed" -> job.result() != null && job.result().has("sales")
                    ? TEXTS.exportReadySales(job.result().get("sales").asLong()) : TEXTS.exportReady();
            case "failed" -> TEXTS.exportFailed(String.valueOf(job.error()));
            case "cancelled" -> TEXTS.exportCancelled();
            case "active" -> TEXTS.exporting(job.progress());
            default -> TEXTS.exportWaiting(job.status());
        });
    }


    public ReadOnlyObjectProperty<Job> exportJobProperty() {
        return exportJob.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }
}
