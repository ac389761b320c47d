import java.io.FileInputStream;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.engine.SessionLocal;
import org.h2.index.Index;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.h2.schema.Schema;
import org.h2.schema.SchemaObject;

/**
 * What one commit writes to an H2 file: H2 (MVStore) writes each commit as a chunk holding every page the commit
 * changed, in every B-tree (table or index) it touched, and its own bookkeeping (map 0, the layout). Reads the
 * chunks of a stopped database with H2's own MVStoreTool and prints the median chunk (pages, bytes) and, averaged
 * over those chunks, the bytes each B-tree adds, with the table or index it is.
 *
 *   KEEP_TMP=1 RUNS=many CLIENTS=1 bench/run-sales.sh          # prints the kept temp dir
 *   java -cp server/target/brigade-server.jar bench/H2Chunks.java /tmp/brigade-bench.XXXX/bench
 *
 * A chunk of more pages than MAX_PAGES (default 600) is one of H2's compactions or the close, not a commit; the
 * last LAST (default 500) commits are counted, so that the warm-up's smaller trees and the bootstrap are left out.
 */
public class H2Chunks {
    private static final Pattern CHUNK = Pattern.compile("chunkHeader chunk:(\\w+),block:\\w+,len:(\\w+),pages:(\\w+)");
    private static final Pattern MAP = Pattern.compile("^map (\\w+): (\\d+) bytes");

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java -cp brigade-server.jar bench/H2Chunks.java <database base path, without .mv.db>");
            System.exit(2);
        }
        String base = args[0];
        int maxPages = Integer.parseInt(System.getenv().getOrDefault("MAX_PAGES", "600"));
        int last = Integer.parseInt(System.getenv().getOrDefault("LAST", "500"));
        List<long[]> chunks = new ArrayList<>(); // id, blocks, pages
        Map<Long, Map<Integer, Long>> bytesPerChunk = new HashMap<>();
        MVStoreTool.dump(base + ".mv.db", new LineWriter(line -> {
            Matcher c = CHUNK.matcher(line);
            if (c.find()) {
                chunks.add(new long[]{Long.parseLong(c.group(1), 16), Long.parseLong(c.group(2), 16),
                        Long.parseLong(c.group(3), 16)});
                return;
            }
            Matcher m = MAP.matcher(line);
            if (m.find() && !chunks.isEmpty()) {
                long id = chunks.get(chunks.size() - 1)[0];
                bytesPerChunk.computeIfAbsent(id, k -> new HashMap<>()).merge(Integer.parseInt(m.group(1), 16),
                        Long.parseLong(m.group(2)), Long::sum);
            }
        }), false);
        List<long[]> all = chunks.stream().filter(c -> c[2] <= maxPages).sorted(Comparator.comparingLong(c -> c[0]))
                .toList();
        List<long[]> commits = all.subList(Math.max(0, all.size() - last), all.size());
        if (commits.isEmpty()) {
            System.out.println("no chunk of at most " + maxPages + " pages");
            return;
        }
        Map<Integer, Long> perMap = new TreeMap<>();
        long touched = 0;
        for (long[] c : commits) {
            Map<Integer, Long> maps = bytesPerChunk.getOrDefault(c[0], Map.of());
            touched += maps.size();
            maps.forEach((map, bytes) -> perMap.merge(map, bytes, Long::sum));
        }
        long total = perMap.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%d chunks in the file; the last %d commits (chunks of at most %d pages) counted%n",
                chunks.size(), commits.size(), maxPages);
        System.out.printf("median commit: %d pages, %d KiB on disk (blocks of 4 KiB); mean: %.1f KiB of pages in "
                + "%.1f B-trees%n", median(commits, 2), median(commits, 1) * 4, total / 1024.0 / commits.size(),
                (double) touched / commits.size());
        Map<Integer, String> names = names(base, perMap.keySet());
        System.out.println("B-trees written by the mean commit (bytes of pages; those of 0.5 % or more):");
        perMap.entrySet().stream().filter(e -> e.getValue() * 200 >= total)
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %7.0f  %5.1f %%  %s%n", (double) e.getValue() / commits.size(),
                        100.0 * e.getValue() / total, names.getOrDefault(e.getKey(), "map " + e.getKey())));
    }

    private static long median(List<long[]> chunks, int field) {
        long[] v = chunks.stream().mapToLong(c -> c[field]).sorted().toArray();
        return v[v.length / 2];
    }

    /** Map id -> "TABLE" or "INDEX on TABLE": MVStore names a table's map table.<id>, an index's index.<id>. */
    private static Map<Integer, String> names(String base, Iterable<Integer> ids) throws Exception {
        Map<Integer, String> mapNames = new HashMap<>();
        MVStore store = new MVStore.Builder().fileName(base + ".mv.db").readOnly().open();
        try {
            for (int id : ids) {
                String name = id == 0 ? "H2's layout (chunks and roots)" : store.getMapName(id);
                if (name != null) {
                    mapNames.put(id, name);
                }
            }
        } finally {
            store.close();
        }
        Properties login = new Properties();
        try (FileInputStream in = new FileInputStream(base + ".credentials")) {
            login.load(in);
        }
        Map<Integer, String> objects = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, login.getProperty("user"),
                login.getProperty("password"))) {
            SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            for (Schema schema : session.getDatabase().getAllSchemas()) {
                for (SchemaObject o : schema.getAll(new ArrayList<>())) {
                    objects.put(o.getId(), o instanceof Index ix ? ix.getName() + " on " + ix.getTable().getName()
                            : o.getName());
                }
            }
        }
        Map<Integer, String> out = new HashMap<>();
        mapNames.forEach((id, name) -> {
            String[] kind = name.split("\\.");
            String object = kind.length == 2 && kind[1].matches("\\d+") ? objects.get(Integer.parseInt(kind[1])) : null;
            out.put(id, object == null ? name : object);
        });
        return out;
    }

    /** Hands each line written to it to a consumer, so the dump of a large file is not held in memory. */
    private static final class LineWriter extends Writer {
        private final java.util.function.Consumer<String> lines;
        private final StringBuilder line = new StringBuilder();

        LineWriter(java.util.function.Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lines.accept(line.toString());
                    line.setLength(0);
                } else {
                    line.append(buf[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() throws IOException {
            if (!line.isEmpty()) {
                lines.accept(line.toString());
            }
        }
    }
}
