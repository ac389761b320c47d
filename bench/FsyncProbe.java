import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long this machine's disk takes to force a small write, the floor under every synced commit's latency:
 * writes {@code kib} KiB at one of 64 places in a file and forces it ({@code FileChannel.force(false)}, an
 * fdatasync, as H2's sync does), {@code n} times, and prints the latency percentiles.
 *
 * java bench/FsyncProbe.java [dir] [n] [kib]
 */
public class FsyncProbe {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int kib = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        Path file = Files.createTempFile(dir, "fsync-probe", ".bin");
        byte[] bytes = new byte[kib * 1024];
        ThreadLocalRandom.current().nextBytes(bytes);
        double[] ms = new double[n];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (int i = 0; i < n; i++) {
                ch.write(ByteBuffer.wrap(bytes), (long) (i % 64) * bytes.length);
                long t0 = System.nanoTime();
                ch.force(false);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        Arrays.sort(ms);
        System.out.printf("force of %d KiB, %d times in %s: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f ms%n", kib, n, dir,
                ms[n / 2], ms[(int) (n * 0.9)], ms[(int) (n * 0.99)], ms[n - 1]);
    }
}
