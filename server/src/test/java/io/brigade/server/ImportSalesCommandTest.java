package io.brigade.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code import-sales} command end to end on an H2 file: exit codes, the JSON summary, line numbers. */
class ImportSalesCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    @Test
    void malformedLinesAreReportedByLineNumberAndTheOtherSalesAreStored() throws Exception {
        String url = TestDatabases.freshUrl("h2");
        DemoBootstrap.Result ids;
        try (Database database = Database.open(url, null, null)) {
            ids = new DemoBootstrap(database, Clock.systemUTC()).run("Import Command");
        }
        String good = Json.mapper().writeValueAsString(Sales.simple(ids, "2026-05-06T10:00:00Z", "2.50"));
        String later = Json.mapper().writeValueAsString(Sales.simple(ids, "2026-05-06T11:00:00Z", "3.00"));
        Path file = dir.resolve("sales.ndjson");
        Files.write(file, List.of(good, "{\"salesChannelId\": ", "", later, "null"), StandardCharsets.UTF_8);

        Run run = run("import-sales", "--db", url, "--org", ids.orgId(), file.toString());

        assertEquals(2, run.exit(), run.err());
        JsonNode summary = Json.mapper().readTree(run.out());
        assertEquals(4, summary.get("read").asInt(), "the blank line is skipped");
        assertEquals(2, summary.get("imported").asInt());
        assertEquals(2, summary.get("rejected").asInt());
        JsonNode rejection = summary.get("rejections").get(0);
        assertEquals(2, rejection.get("index").asInt(), "line numbers count from 1");
        assertTrue(rejection.get("detail").asText().startsWith("line is not a sale in JSON"), rejection.toString());
        JsonNode nullLine = summary.get("rejections").get(1);
        assertEquals(5, nullLine.get("index").asInt());
        assertEquals("line is not a sale in JSON: null", nullLine.get("detail").asText(), nullLine.toString());
        assertTrue(run.err().contains("compacted the H2 file"), run.err());
        try (Database database = Database.open(url, null, null)) {
            assertEquals(2, salesOf(database, ids.orgId()));
        }
    }

    @Test
    void anUnknownOrgOrAMissingFileIsRefusedWithAMessageAndImportsNothing() throws Exception {
        String url = TestDatabases.freshUrl("h2");
        DemoBootstrap.Result ids;
        try (Database database = Database.open(url, null, null)) {
            ids = new DemoBootstrap(database, Clock.systemUTC()).run("Import Command");
        }
        Path file = dir.resolve("sales.ndjson");
        Files.writeString(file, Json.mapper().writeValueAsString(Sales.simple(ids, "2026-05-06T10:00:00Z", "2.50")));

        Run unknownOrg = run("import-sales", "--db", url, "--org", "orgNOSUCHORG0", file.toString());
        assertEquals(1, unknownOrg.exit());
        assertTrue(unknownOrg.err().contains("orgNOSUCHORG0"), unknownOrg.err());
        assertEquals("", unknownOrg.out());

        Run missing = run("import-sales", "--db", url, "--org", ids.orgId(), dir.resolve("nope.ndjson").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());

        try (Database database = Database.open(url, null, null)) {
            assertEquals(0, salesOf(database, ids.orgId()));
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new Main()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8).strip(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static long salesOf(Database database, String orgId) {
        return TestDatabases.queryLong(database, "SELECT COUNT(*) FROM sales WHERE org_id = ?", orgId);
    }
}
