package io.brigade.desktop.printing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.brigade.desktop.local.OutboxRepository;
import io.brigade.desktop.local.PrintQueue;
import io.brigade.protocol.Json;
import io.brigade.protocol.store.StorePrinter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This PC's printing: jobs are queued durably ({@link PrintQueue}), then each printer's own sender takes its jobs
 * oldest first, draws them for that printer (paper width, character table) and hands them over. A printer that is
 * unreachable or out of paper keeps its jobs waiting and is tried again and again (with a growing pause, up to a few
 * seconds), while the others print on; its trouble is reported at once to whoever listens (the till's status line).
 * A manager can send a printer's waiting jobs to another printer instead.
 */
public final class Printing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Printing.class);
    public static final String RECEIPT = "RECEIPT";
    public static final String REFUND = "REFUND";
    public static final String CHIT = "CHIT";
    public static final String VOID = "VOID";
    public static final String TEST = "TEST";
    public static final String REPORT = "REPORT";
    public static final String DRAWER = "DRAWER";

    /**
     * One printer as the till shows it: its trouble (null when it printed last time, or has not been tried), why, and
     * how many jobs of each kind wait for it ({@code UNSURE}: were being sent when the app stopped).
     */
    public record PrinterState(String printerId, String name, PrinterLink.Trouble trouble, String reason,
                               Map<String, Integer> waiting) {
        public int waitingTotal() {
            return waiting.entrySet().stream().filter(e -> !"UNSURE".equals(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
        }

        public int unsure() {
            return waiting.getOrDefault("UNSURE", 0);
        }
    }

    private final PrintQueue queue;
    private final Supplier<List<StorePrinter>> printers;
    private final PrinterLink link;
    private final Clock clock;
    private final Duration maxPause;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<String, PrinterLink.NotPrinted> troubles = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<List<PrinterState>>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public Printing(PrintQueue queue, Supplier<List<StorePrinter>> printers, PrinterLink link, Clock clock,
                    Duration maxPause) {
        this.queue = queue;
        this.printers = printers;
        this.link = link;
        this.clock = clock;
        this.maxPause = maxPause;
    }

    /** Starts a sender for every printer with jobs left from before; jobs cut off mid-send become unsure. */
    public Printing start() {
        int unsure = queue.markInterruptedUnsure();
        if (unsure > 0) {
            LOG.warn("{} print jobs were being sent when the app stopped: shown as unsure", unsure);
        }
        queue.waiting().keySet().forEach(this::wake);
        publish();
        return this;
    }

    /**
     * Queues {@code doc} for {@code printerId} (forced to disk before this returns) and wakes its sender; answers the
     * job's id. {@code jobKey} (or null) makes queuing the same job again a no-op.
     */
    public UUID print(String printerId, String kind, String title, PrintDoc doc, String jobKey, String staffName) {
        UUID id = queue.enqueue(new PrintQueue.NewJob(UUID.randomUUID(), jobKey, printerId, kind, title, json(doc),
                doc.openDrawer() || DRAWER.equals(kind), staffName, clock.instant()));
        wake(printerId);
        publish();
        return id;
    }

    /**
     * The job of {@code doc} for {@code printerId} as rows kept with a sale: written in the sale's transaction and
     * forced to disk with it (one forced write for both); its printer's sender is woken once they are on disk.
     */
    public OutboxRepository.WithSale printWithSale(String printerId, String kind, String title, PrintDoc doc,
                                                   String jobKey, String staffName) {
        PrintQueue.NewJob job = new PrintQueue.NewJob(UUID.randomUUID(), jobKey, printerId, kind, title, json(doc),
                doc.openDrawer() || DRAWER.equals(kind), staffName, clock.instant());
        return new OutboxRepository.WithSale(queue.insertion(job), () -> {
            wake(printerId);
            publish();
        });
    }

    /** Prints a job again (a reprint, or an unsure job a person wants printed), on its printer or {@code printerId}. */
    public Optional<UUID> reprint(UUID jobId, String printerId, String titlePrefix) {
        Optional<PrintQueue.Job> job = queue.find(jobId);
        job.filter(j -> j.state() == PrintQueue.State.UNSURE).ifPresent(j -> queue.letGo(j.id()));
        return job.map(j -> {
            PrintDoc doc = doc(j.document());
            // A reprint says so at the top, and never opens the drawer again.
            List<PrintDoc.Block> blocks = new ArrayList<>();
            blocks.add(new PrintDoc.Block(PrintDoc.Kind.TEXT, titlePrefix.strip(), null, PrintDoc.Size.LARGE, true,
                    PrintDoc.Align.CENTER));
            blocks.addAll(doc.blocks());
            PrintDoc again = new PrintDoc(blocks, false);
            return print(printerId == null ? j.printerId() : printerId, j.kind(), titlePrefix + j.title(), again,
                    null, j.staffName());
        });
    }

    /** An unsure job need not print again. */
    public void letGo(UUID jobId) {
        queue.letGo(jobId);
        publish();
    }

    /** Sends every job waiting for {@code from} to {@code to} instead; answers how many moved. */
    public int redirect(String from, String to) {
        int moved = queue.redirect(from, to);
        troubles.remove(from);
        wake(to);
        publish();
        return moved;
    }

    public List<PrintQueue.Job> recent(int limit) {
        return queue.recent(limit);
    }

    public List<PrintQueue.Job> unsure() {
        return queue.unsure();
    }

    public void onStatus(Consumer<List<PrinterState>> listener) {
        listeners.add(listener);
        listener.accept(status());
    }

    /** {@code listener} hears no more (its status line left the screen). */
    public void stopStatus(Consumer<List<PrinterState>> listener) {
        listeners.remove(listener);
    }

    /** How many listen to the printers' states (a status line on screen is one). */
    public int statusListeners() {
        return listeners.size();
    }

    /** Every printer of the store and every printer with jobs waiting, with its trouble and its waiting jobs. */
    public List<PrinterState> status() {
        Map<String, Map<String, Integer>> waiting = queue.waiting();
        Map<String, String> names = new LinkedHashMap<>();
        printers.get().forEach(p -> names.put(p.printerId(), p.name()));
        waiting.keySet().forEach(id -> names.putIfAbsent(id, id));
        List<PrinterState> out = new ArrayList<>();
        names.forEach((id, name) -> {
            PrinterLink.NotPrinted t = troubles.get(id);
            out.add(new PrinterState(id, name, t == null ? null : t.trouble(), t == null ? null : t.reason(),
                    Map.copyOf(waiting.getOrDefault(id, Map.of()))));
        });
        return out;
    }

    /** The printers' settings changed (a manager saved them): senders waiting on a printer not set up look again. */
    public void printersChanged() {
        lanes.values().forEach(Lane::wake);
        publish();
    }

    private void publish() {
        if (listeners.isEmpty()) {
            return;
        }
        List<PrinterState> now;
        try {
            now = status();
        } catch (RuntimeException e) {
            LOG.debug("printer status not published", e);
            return;
        }
        listeners.forEach(l -> l.accept(now));
    }

    private void wake(String printerId) {
        if (!running) {
            return;
        }
        lanes.computeIfAbsent(printerId, id -> new Lane(id).begin()).wake();
    }

    private Optional<StorePrinter> printer(String id) {
        return printers.get().stream().filter(p -> p.printerId().equals(id)).findFirst();
    }

    static String json(PrintDoc doc) {
        try {
            return Json.mapper().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a print document", e);
        }
    }

    static PrintDoc doc(String json) {
        try {
            return Json.mapper().readValue(json, PrintDoc.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable print document", e);
        }
    }

    /** Stops the senders after the job under way; waiting jobs stay queued for the next start. */
    @Override
    public void close() {
        running = false;
        List<Lane> all = new ArrayList<>(lanes.values());
        all.forEach(Lane::wake);
        for (Lane lane : all) {
            try {
                lane.thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One printer's sender: its jobs strictly in order, one at a time. */
    private final class Lane {
        private final String printerId;
        private final Thread thread;
        private final Object signal = new Object();
        private boolean woken;
        private Duration pause = Duration.ofMillis(250);

        Lane(String printerId) {
            this.printerId = printerId;
            this.thread = new Thread(this::run, "printer-" + printerId);
            this.thread.setDaemon(true);
        }

        Lane begin() {
            thread.start();
            return this;
        }

        void wake() {
            synchronized (signal) {
                woken = true;
                signal.notifyAll();
            }
        }

        private void run() {
            while (running) {
                try {
                    Optional<PrintQueue.Job> next = queue.oldestWaiting(printerId);
                    if (next.isEmpty()) {
                        rest(Duration.ofSeconds(30));
                        continue;
                    }
                    Optional<StorePrinter> printer = printer(printerId);
                    if (printer.isEmpty()) {
                        trouble(new PrinterLink.NotPrinted(PrinterLink.Trouble.NOT_SET_UP,
                                "this printer is not among the store's printers"));
                        rest(Duration.ofSeconds(5));
                        continue;
                    }
                    send(next.get(), printer.get());
                } catch (RuntimeException e) {
                    LOG.warn("printer {}: sender failed", printerId, e);
                    rest(maxPause);
                }
            }
        }

        private void send(PrintQueue.Job job, StorePrinter printer) {
            if (!queue.claim(job.id(), printerId)) {
                return; // moved to another printer meanwhile
            }
            byte[] bytes = DRAWER.equals(job.kind()) ? EscPosRenderer.drawerOnly(printer)
                    : EscPosRenderer.render(doc(job.document()), printer);
            PrinterLink.Outcome outcome = link.send(printer, bytes);
            if (outcome instanceof PrinterLink.NotPrinted refused) {
                queue.notPrinted(job.id(), refused.reason());
                trouble(refused);
                rest(pause);
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
                return;
            }
            queue.printed(job.id(), clock.instant());
            pause = Duration.ofMillis(250);
            if (troubles.remove(printerId) != null) {
                LOG.info("printer {} prints again", printer.name());
            }
            publish();
        }

        private void trouble(PrinterLink.NotPrinted t) {
            PrinterLink.NotPrinted before = troubles.put(printerId, t);
            if (before == null || before.trouble() != t.trouble()) {
                LOG.warn("printer {}: {}", printerId, t.reason());
            }
            publish();
        }

        private void rest(Duration d) {
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(Math.max(1, d.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        running = false;
                    }
                }
                woken = false;
            }
        }
    }

    /** For tests and the back office: the waiting counts, as {@link PrintQueue#waiting()}. */
    Map<String, Map<String, Integer>> waiting() {
        return new HashMap<>(queue.waiting());
    }
}
