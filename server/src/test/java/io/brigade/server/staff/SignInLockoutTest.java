package io.brigade.server.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.support.MutableClock;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wrong PINs lock the caller and the account they name, apart from the API's quotas. Callers are told apart by
 * address here: 127.0.0.x are all this machine, but each is a caller of its own.
 */
class SignInLockoutTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private static Database database;
    private static BrigadeServer server;

    @BeforeAll
    static void start() throws Exception {
        database = Database.open(TestDatabases.freshUrl("h2"), TestDatabases.user("h2"), null);
        server = BrigadeServer.create(0, database, CLOCK,
                new BrigadeServer.Options(false, io.brigade.server.webhooks.SecretBox.random(), false)).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static DemoBootstrap.Result org(String name) {
        DemoBootstrap demo = new DemoBootstrap(database, CLOCK);
        DemoBootstrap.Result org = demo.run(name);
        TestServer.keepBootstrapPin(database, org.orgId());
        return org;
    }

    @Test
    void fiveWrongPinsLockTheCallerForFiveMinutes() throws Exception {
        DemoBootstrap.Result org = org("Locked Device");
        String caller = "127.0.0.11";
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, signIn(caller, org.orgId(), "00000000", null).status());
        }
        Answer fifth = signIn(caller, org.orgId(), "00000000", null);
        assertEquals(429, fifth.status(), fifth.body());
        assertTrue(fifth.body().contains("this device is locked for 5 more minute(s)"), fifth.body());
        assertEquals("300", fifth.header("Retry-After"));
        assertEquals(429, signIn(caller, org.orgId(), org.managerPin(), null).status(), "the right PIN waits too");
        assertEquals(201, signIn("127.0.0.12", org.orgId(), org.managerPin(), null).status(), "another device is free");

        CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertEquals(201, signIn(caller, org.orgId(), org.managerPin(), null).status(), "the lockout ended");
    }

    @Test
    void eachFurtherLockoutLastsTwiceAsLong() throws Exception {
        DemoBootstrap.Result org = org("Growing Lockout");
        String caller = "127.0.0.21";
        for (int i = 0; i < 5; i++) {
            signIn(caller, org.orgId(), "00000000", null);
        }
        CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
        Answer again = null;
        for (int i = 0; i < 5; i++) {
            again = signIn(caller, org.orgId(), "00000000", null);
        }
        assertEquals(429, again.status());
        assertEquals("600", again.header("Retry-After"));
    }

    @Test
    void wrongPinsForANamedAccountLockThatAccountOnEveryDevice() throws Exception {
        DemoBootstrap.Result org = org("Locked Account");
        String staffId = managerId(org);
        Answer last = null;
        for (int i = 0; i < 5; i++) {
            // A different device each time: only the account collects all five.
            last = signIn("127.0.0." + (31 + i), org.orgId(), "00000000", staffId);
        }
        assertEquals(429, last.status(), last.body());
        assertTrue(last.body().contains("this staff account is locked"), last.body());
        Answer right = signIn("127.0.0.40", org.orgId(), org.managerPin(), null);
        assertEquals(429, right.status(), "the account's right PIN opens nothing while it is locked: " + right.body());
    }

    @Test
    void aLockedPinCallerKeepsItsApiQuota() throws Exception {
        DemoBootstrap.Result org = org("Quota Apart");
        String caller = "127.0.0.51";
        for (int i = 0; i < 5; i++) {
            signIn(caller, org.orgId(), "00000000", null);
        }
        assertEquals(429, signIn(caller, org.orgId(), org.managerPin(), null).status());
        Answer meals = send(caller, "GET", "/api/v1/meals", "X-API-Key: " + org.apiKey() + "\r\n", new byte[0]);
        assertEquals(200, meals.status(), "an API key from the same address still works: " + meals.body());
    }

    private static String managerId(DemoBootstrap.Result org) throws IOException {
        Answer session = signIn("127.0.0.99", org.orgId(), org.managerPin(), null);
        assertEquals(201, session.status(), session.body());
        return Json.mapper().readTree(session.body()).get("staffId").asText();
    }

    record Answer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /** {@code POST /backoffice/v1/sessions} from the loopback address {@code from}. */
    private static Answer signIn(String from, String orgId, String pin, String staffId) throws IOException {
        JsonNode body = Json.mapper().valueToTree(staffId == null ? Map.of("orgId", orgId, "pin", pin)
                : Map.of("orgId", orgId, "pin", pin, "staffId", staffId));
        return send(from, "POST", "/backoffice/v1/sessions", "Content-Type: application/json\r\n",
                Json.mapper().writeValueAsBytes(body));
    }

    /** One HTTP/1.1 request over a socket bound to the loopback address {@code from}. */
    private static Answer send(String from, String method, String path, String headers, byte[] bytes)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), server.port(),
                InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            String rest = all.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, rest);
        }
    }
}
