package io.brigade.desktop.printing;

import io.brigade.desktop.fx.Background;
import io.brigade.desktop.local.PrintQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The till's printer line and its dialog, without a screen: one sentence for the status bar ("Grill printer
 * offline: 2 chits waiting", or that all is well), each printer's state, the recent jobs, and the commands to send a
 * printer's waiting jobs elsewhere, print a job again or let an unsure one go.
 */
public final class PrinterStatusModel {
    private final Printing printing;
    private final Background background;
    private final PrinterSetupTexts texts;
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper trouble = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<Printing.PrinterState> printers = FXCollections.observableArrayList();
    private final ObservableList<PrintQueue.Job> jobs = FXCollections.observableArrayList();

    public PrinterStatusModel(Printing printing, Background background, PrinterSetupTexts texts) {
        this.printing = printing;
        this.background = background;
        this.texts = texts;
    }

    /** Shows {@code states} (called on the FX thread). */
    public void show(List<Printing.PrinterState> states) {
        printers.setAll(states);
        List<String> parts = new ArrayList<>();
        for (Printing.PrinterState s : states) {
            if (s.trouble() != null) {
                parts.add(stateLine(s));
            }
            if (s.unsure() > 0) {
                parts.add(texts.unsureJobs(s.name(), s.unsure()));
            }
        }
        trouble.set(!parts.isEmpty());
        line.set(parts.isEmpty() ? (states.isEmpty() ? "" : texts.allPrinting()) : String.join(" \u00b7 ", parts));
    }

    /** One printer's trouble with what waits for it ("Grill printer offline: 2 chits waiting"), or its name. */
    public String stateLine(Printing.PrinterState s) {
        if (s.trouble() == null) {
            return s.name();
        }
        if (s.waitingTotal() == 0) {
            return troubleText(s);
        }
        int chits = s.waiting().getOrDefault(Printing.CHIT, 0) + s.waiting().getOrDefault(Printing.VOID, 0);
        int receipts = s.waiting().getOrDefault(Printing.RECEIPT, 0) + s.waiting().getOrDefault(Printing.REFUND, 0);
        return chits == s.waitingTotal() ? texts.waitingChits(troubleText(s), chits)
                : receipts == s.waitingTotal() ? texts.waitingReceipts(troubleText(s), receipts)
                : texts.waitingJobs(troubleText(s), s.waitingTotal());
    }

    String troubleText(Printing.PrinterState s) {
        return switch (s.trouble()) {
            case UNREACHABLE -> texts.troubleUNREACHABLE(s.name());
            case NO_PAPER -> texts.troubleNO_PAPER(s.name());
            case PARTLY_SENT -> texts.troublePARTLY_SENT(s.name());
            case NOT_SET_UP -> texts.troubleNOT_SET_UP(s.name());
        };
    }

    /** Reads the recent jobs again (for the dialog). */
    public void refreshJobs() {
        background.run(() -> printing.recent(30), jobs::setAll, e -> message.set(e.getMessage()));
    }

    /** Sends every job waiting for {@code from} to {@code to}. */
    public void redirect(String from, String to) {
        if (from == null || to == null || from.equals(to)) {
            return;
        }
        String toName = printers.stream().filter(p -> p.printerId().equals(to)).map(Printing.PrinterState::name)
                .findFirst().orElse(to);
        background.run(() -> printing.redirect(from, to), moved -> {
            message.set(texts.redirected(moved, toName));
            refreshJobs();
        }, e -> message.set(e.getMessage()));
    }

    /** Prints a job again, marked as a reprint. */
    public void reprint(PrintQueue.Job job, String marker) {
        background.run(() -> printing.reprint(job.id(), null, marker + " "), id -> {
            message.set(texts.reprinted(job.title()));
            refreshJobs();
        }, e -> message.set(e.getMessage()));
    }

    /** An unsure job need not print again. */
    public void letGo(UUID jobId) {
        background.run(() -> {
            printing.letGo(jobId);
            return jobId;
        }, id -> refreshJobs(), e -> message.set(e.getMessage()));
    }

    public String stateText(PrintQueue.State state) {
        return switch (state) {
            case WAITING -> texts.stateWAITING();
            case SENDING -> texts.stateSENDING();
            case PRINTED -> texts.statePRINTED();
            case UNSURE -> texts.stateUNSURE();
            case CANCELLED -> texts.stateCANCELLED();
        };
    }

    public String printerName(String printerId) {
        return printers.stream().filter(p -> p.printerId().equals(printerId)).map(Printing.PrinterState::name)
                .findFirst().orElse(printerId);
    }

    public ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty troubleProperty() {
        return trouble.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<Printing.PrinterState> printers() {
        return FXCollections.unmodifiableObservableList(printers);
    }

    public ObservableList<PrintQueue.Job> jobs() {
        return FXCollections.unmodifiableObservableList(jobs);
    }
}
