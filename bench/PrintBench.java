import io.brigade.desktop.local.StaffMember;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.till.Order;
import io.brigade.desktop.till.PricedItem;
import io.brigade.desktop.till.Tender;
import io.brigade.desktop.till.TicketLine;
import io.brigade.desktop.till.TillMenu;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.store.StorePrinter;
import io.brigade.protocol.store.StorePrinters;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Pay -> receipt bytes at the printer. A desktop (AppServices, its built-in demo store, syncing) with one network
 * receipt printer: a small ESC/POS receiver on a free port of this machine that answers the paper-sensor query and
 * notes when each job's first byte after it arrives and when the job ends. Each measured sale is one cash sale
 * completed through the till's checkout (the sale and its receipt job in one local transaction and one forced
 * write, then its sender), one at a time. Prints percentiles of Pay -> first byte and Pay -> whole job.
 *
 * Arguments: --warmup-seconds N (default 40) --sales N (default 1000) --dir PATH (a fresh data directory).
 */
public final class PrintBench {
    record Arrival(long firstByte, long end) {
    }

    public static void main(String[] args) throws Exception {
        int warmupSeconds = 40;
        int sales = 1000;
        Path dir = Files.createTempDirectory("print-bench");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[i + 1]);
                case "--sales" -> sales = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        LinkedBlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        ServerSocket printer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread receiver = new Thread(() -> receive(printer, arrivals), "receiver");
        receiver.setDaemon(true);
        receiver.start();

        try (AppServices services = AppServices.start(new AppServices.Options(dir).menuRefresh(Duration.ofSeconds(1)))) {
            // The manager sets up the receipt printer in the back office; the till reads it with its sync.
            services.backOffice().remember("9999");
            services.backOffice().put("store/printers?propertyId=" + services.settings().propertyId(),
                    new StorePrinters(null, List.of(new StorePrinter(null, "Counter", StorePrinter.NETWORK,
                            "127.0.0.1:" + printer.getLocalPort(), 80, "CP858_Euro", List.of(),
                            StorePrinter.CashDrawer.STANDARD))), StorePrinters.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((services.menus().current().isEmpty() || services.store().printers().isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            MenuRevision menu = services.menus().current().orElseThrow(() -> new IllegalStateException("no menu"));
            if (services.store().printers().isEmpty()) {
                throw new IllegalStateException("the printer did not reach the till");
            }
            StaffMember cashier = services.staff().signIn("1111").orElseThrow();
            List<PricedItem> items = TillMenu.of(menu, DispatchType.TakeAway, ZonedDateTime.now()).tabs().stream()
                    .flatMap(t -> t.items().stream()).filter(i -> i.available() && !i.hasModifiers()).toList();

            System.out.printf("warm-up: %d s of sales%n", warmupSeconds);
            long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
            int n = 0;
            while (System.nanoTime() < warmEnd) {
                pay(services, cashier, menu, items, n++);
                take(arrivals);
            }
            System.out.printf("warm-up done: %d sales%n", n);
            long[] first = new long[sales];
            long[] whole = new long[sales];
            for (int i = 0; i < sales; i++) {
                long t0 = System.nanoTime();
                pay(services, cashier, menu, items, n++);
                Arrival a = take(arrivals);
                first[i] = a.firstByte() - t0;
                whole[i] = a.end() - t0;
            }
            report("pay->first byte", first);
            report("pay->whole job", whole);
            System.out.printf("RESULT sales=%d p99_first_ms=%.1f p99_whole_ms=%.1f%n", sales,
                    percentile(first, 99) / 1e6, percentile(whole, 99) / 1e6);
        }
        printer.close();
    }

    private static void pay(AppServices services, StaffMember cashier, MenuRevision menu, List<PricedItem> items,
                            int n) {
        List<TicketLine> lines = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            lines.add(new TicketLine(UUID.randomUUID(), items.get((n + k) % items.size()), 1 + k, List.of(), null));
        }
        BigDecimal total = lines.stream().map(TicketLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        Order order = new Order(DispatchType.TakeAway, null, null, lines, List.of(), List.of(),
                List.of(new Tender(PaymentMethod.Cash, total, total.add(BigDecimal.TEN))), menu.menuId(),
                menu.revisionId(), menu.menu().currency());
        services.checkout().complete(order, cashier);
    }

    private static Arrival take(LinkedBlockingQueue<Arrival> arrivals) throws InterruptedException {
        Arrival a = arrivals.poll(30, TimeUnit.SECONDS);
        if (a == null) {
            throw new IllegalStateException("no receipt reached the printer within 30 s");
        }
        return a;
    }

    private static void receive(ServerSocket server, LinkedBlockingQueue<Arrival> arrivals) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                byte[] query = in.readNBytes(3);
                if (Arrays.equals(query, new byte[] {0x10, 0x04, 0x04})) {
                    out.write(0x12);
                    out.flush();
                }
                int b = in.read();
                long first = System.nanoTime();
                byte[] buffer = new byte[8192];
                while (b >= 0 && in.read(buffer) >= 0) {
                    // the rest of the job
                }
                arrivals.add(new Arrival(first, System.nanoTime()));
            } catch (Exception e) {
                if (!server.isClosed()) {
                    e.printStackTrace();
                }
            }
        }
    }

    private static void report(String what, long[] nanos) {
        System.out.printf("%-16s n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n", what, nanos.length,
                percentile(nanos, 50) / 1e6, percentile(nanos, 90) / 1e6, percentile(nanos, 99) / 1e6,
                percentile(nanos, 100) / 1e6);
    }

    private static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
