import io.brigade.desktop.tables.FloorPane;
import io.brigade.desktop.tables.FloorViewModel;
import io.brigade.protocol.checks.Check;
import io.brigade.protocol.checks.FloorPlan;
import io.brigade.protocol.sales.DispatchType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * How long the till's floor takes to redraw when one table changes state: a floor of 60 tables with 40 open checks
 * (bench/run-floor.sh), drawn as its plan (two areas of 30 placed tables, the first on screen). Each change is one
 * check moving on (open -> sent -> bill -> open), shown through the floor's view model; the time is from that call
 * to the end of the next layout pulse (CSS and layout of the changed tables done, ready to paint), on the FX thread.
 * Prints p50, p99 and max after a warm-up.
 */
public final class FloorRedraw {
    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(System.getProperty("warmup", "40"));
        int seconds = Integer.parseInt(System.getProperty("seconds", "20"));
        Platform.startup(() -> { });
        FloorViewModel model = new FloorViewModel(Clock.systemUTC());
        // Two areas of 30 tables each, placed in rows as a manager would (round, square and long tables with their
        // seats); the first area is the one on screen.
        List<FloorViewModel.Area> areas = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            List<String> names = new ArrayList<>();
            List<FloorPlan.Table> placed = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String name = String.valueOf(a * 30 + i + 1);
                String shape = i % 3 == 0 ? FloorPlan.ROUND : i % 3 == 1 ? FloorPlan.SQUARE : FloorPlan.RECTANGLE;
                names.add(name);
                placed.add(new FloorPlan.Table(name, shape, shape.equals(FloorPlan.RECTANGLE) ? 6 : 4,
                        20 + (i % 5) * 195, 20 + (i / 5) * 160));
            }
            areas.add(new FloorViewModel.Area(a == 0 ? "Dining room" : "Terrace", names, placed));
        }
        model.areas(areas);
        List<Check> open = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 1; i <= 40; i++) {
            open.add(check(String.valueOf(i), Check.OPEN, now.minusSeconds(i * 60L)));
        }
        CountDownLatch shown = new CountDownLatch(1);
        Scene[] scene = new Scene[1];
        Platform.runLater(() -> {
            FloorPane pane = new FloorPane(model, tile -> { });
            pane.getStylesheets().add(FloorPane.class.getResource("tables.css").toExternalForm());
            scene[0] = new Scene(pane, 1024, 768);
            Stage stage = new Stage();
            stage.setScene(scene[0]);
            stage.show();
            model.show(open);
            shown.countDown();
        });
        shown.await();
        String[] states = {Check.OPEN, Check.SENT, Check.BILL};
        long[] round = {0};
        long end = System.nanoTime() + warmup * 1_000_000_000L;
        System.out.printf("== floor of 60 tables, 40 open checks; warm-up %d s, measuring %d s; load average %s%n",
                warmup, seconds, Arrays.toString(loadAverage()));
        measure(model, scene[0], open, states, round, end);
        List<Double> ms = measure(model, scene[0], open, states, round, System.nanoTime() + seconds * 1_000_000_000L);
        double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("   %d redraws: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", s.length, pct(s, 50), pct(s, 99),
                s[s.length - 1]);
        System.out.printf("RESULT {\"tables\":60,\"openChecks\":40,\"redraws\":%d,\"p50ms\":%.2f,\"p99ms\":%.2f,"
                + "\"maxMs\":%.2f}%n", s.length, pct(s, 50), pct(s, 99), s[s.length - 1]);
        Platform.exit();
        System.exit(0);
    }

    private static List<Double> measure(FloorViewModel model, Scene scene, List<Check> open, String[] states,
                                        long[] round, long until) throws Exception {
        List<Double> out = new ArrayList<>();
        while (System.nanoTime() < until) {
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong took = new AtomicLong();
            Platform.runLater(() -> {
                int i = (int) (round[0] % open.size());
                Check c = open.get(i);
                open.set(i, check(c.table(), states[(int) ((round[0] / open.size() + 1) % states.length)],
                        c.openedAt()));
                round[0]++;
                long start = System.nanoTime();
                model.show(open);
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    took.set(System.nanoTime() - start);
                    scene.removePostLayoutPulseListener(listener[0]);
                    done.countDown();
                };
                scene.addPostLayoutPulseListener(listener[0]);
                Platform.requestNextPulse();
            });
            done.await();
            out.add(took.get() / 1e6);
            Thread.sleep(20);
        }
        return out;
    }

    private static Check check(String table, String state, Instant opened) {
        return new Check("c" + table, "p", "sc", DispatchType.DineIn, table, null, 2, state, opened, opened, null,
                "m", "1", 1, List.of(), List.of(), null, List.of(), List.of(), new BigDecimal("42.50"),
                BigDecimal.ZERO, new BigDecimal("42.50"), 1, null, List.of());
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double[] loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (Exception e) {
            return new double[0];
        }
    }
}
