package io.brigade.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.brigade.protocol.Json;
import io.brigade.protocol.sales.Sale;
import io.brigade.server.analytics.Analytics;
import io.brigade.server.db.Database;
import io.brigade.server.domain.DomainException;
import io.brigade.server.menus.MenuRepository;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.sales.SaleImport;
import io.brigade.server.sales.SaleRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import-sales}: loads an org's historical sales from a file of v3 sale JSON, one per line, through
 * {@link SaleImport}, and prints a JSON summary. Exit code 0 when every sale was imported, 2 when some
 * were refused (listed by line number), 1 when nothing could be imported (unknown org, unreadable file).
 */
@Command(name = "import-sales", description = "Import historical sales (one v3 sale JSON per line) into an org: "
        + "validated like live sales, stored in large batches, counted in analytics; no webhooks, kitchen "
        + "tickets or stock moves.")
public final class ImportSalesCommand implements Callable<Integer> {
    @Option(names = "--org", required = true, description = "org id")
    String orgId;
    @Option(names = "--chunk", defaultValue = "2000", description = "sales per transaction (default ${DEFAULT-VALUE})")
    int chunk;
    @Option(names = "--skip", defaultValue = "0", description = "skip the first N lines (resume after a stopped "
            + "import: the progress lines say how many lines were committed)")
    long skip;
    @Option(names = "--no-compact", description = "H2 file databases: skip the compaction after the import")
    boolean noCompact;
    @Parameters(index = "0", description = "file of sales, one JSON object per line ('-' reads standard input)")
    String file;
    @CommandLine.Mixin
    Main.DbOptions db = new Main.DbOptions();

    /** The import as the server wires it: the real validation and the analytics rollups. */
    public static SaleImport saleImport(Database database, Clock clock, int chunk) {
        OrgRepository orgs = new OrgRepository();
        MenuService menus = new MenuService(database, new MenuRepository(), orgs, clock);
        SaleRepository sales = new SaleRepository();
        Analytics analytics = new Analytics(database, orgs, menus, sales, clock);
        return new SaleImport(database, orgs, menus, sales, analytics.saleRollups(), clock, chunk);
    }

    @Override
    public Integer call() throws Exception {
        if (chunk < 1) {
            System.err.println("--chunk must be at least 1");
            return 1;
        }
        BufferedReader reader;
        try {
            reader = file.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            System.err.println("no such file: " + file);
            return 1;
        }
        try (reader; Database database = db.open()) {
            SaleImport.Summary summary;
            long[] lastReport = {System.nanoTime()};
            try {
                // Progress at most every 10 s: enough to resume with --skip after a failure.
                summary = saleImport(database, Clock.systemUTC(), chunk).run(orgId, new Lines(reader, skip),
                        (lastLine, imported, rejected) -> {
                            if (System.nanoTime() - lastReport[0] > 10_000_000_000L) {
                                lastReport[0] = System.nanoTime();
                                System.err.printf("committed through line %d: %d imported, %d refused%n",
                                        lastLine, imported, rejected);
                            }
                        });
            } catch (DomainException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            System.out.println(Json.mapper().writeValueAsString(summary));
            if (!noCompact && db.url.startsWith("jdbc:h2:file:")) {
                compact(database);
            }
            return summary.rejected() == 0 ? 0 : 2;
        }
    }

    // H2 appends every change to its file and reclaims the space slowly: measured, 100,000 imported sales left a
    // 1.67 GB file that SHUTDOWN COMPACT rewrote to 140 MB in 8 s. The command owns the database, so it can close it.
    private static void compact(Database database) {
        long t0 = System.nanoTime();
        database.compactAndCloseH2();
        System.err.printf("compacted the H2 file in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** The file's lines as import entries, numbered from 1; blank lines are skipped, malformed ones reported. */
    private static final class Lines implements Iterator<SaleImport.Entry> {
        private final BufferedReader reader;
        private long lineNo;
        private String next;

        Lines(BufferedReader reader, long skip) throws IOException {
            this.reader = reader;
            while (lineNo < skip && reader.readLine() != null) {
                lineNo++;
            }
            advance();
        }

        private void advance() {
            try {
                do {
                    next = reader.readLine();
                    lineNo++;
                } while (next != null && next.isBlank());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public SaleImport.Entry next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            SaleImport.Entry entry;
            try {
                Sale sale = Json.mapper().readValue(next, Sale.class);
                // A line holding just "null" parses to no sale at all.
                entry = sale == null ? SaleImport.Entry.unreadable(lineNo, "line is not a sale in JSON: null")
                        : SaleImport.Entry.of(lineNo, sale);
            } catch (JsonProcessingException e) {
                entry = SaleImport.Entry.unreadable(lineNo, "line is not a sale in JSON: " + e.getOriginalMessage());
            }
            advance();
            return entry;
        }
    }
}
