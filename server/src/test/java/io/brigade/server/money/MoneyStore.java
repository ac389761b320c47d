package io.brigade.server.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.BrigadeServer;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.network.Listening;
import io.brigade.server.network.StoreAuthority;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.MutableClock;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One store server per database kind for the money tests, serving HTTPS so that tills pair with it, on a clock the
 * tests set (business days are dates). Each test makes its own org.
 */
final class MoneyStore {
    private static final Map<String, MoneyStore> STORES = new ConcurrentHashMap<>();

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
    final Database database;
    final BrigadeServer server;

    private MoneyStore(String kind) throws Exception {
        Path dir = Files.createTempDirectory("brigade-money-");
        database = Database.open(TestDatabases.freshUrl(kind), TestDatabases.user(kind), null);
        server = BrigadeServer.create(0, database, clock, BrigadeServer.Options.withKeyFile(dir.resolve("master.key"))
                .withListening(Listening.https(StoreAuthority.loadOrCreate(dir.resolve("tls"), clock)))).start();
    }

    static MoneyStore of(String kind) {
        return STORES.computeIfAbsent(kind, k -> {
            try {
                MoneyStore s = new MoneyStore(k);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        s.server.close();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }));
                return s;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    TestServer.Tenant tenant(String name) {
        DemoBootstrap.Result ids = new DemoBootstrap(database, clock).run(name);
        TestServer.keepBootstrapPin(database, ids.orgId());
        return new TestServer.Tenant(ids, new ApiClient(server.uri()).withToken(ids.clientId(), ids.clientSecret()));
    }

    /** The org's own client with a token fresh at the store's clock (tokens last an hour; tests move the clock). */
    TestServer.Tenant fresh(TestServer.Tenant t) {
        return new TestServer.Tenant(t.ids(), new ApiClient(server.uri()).withToken(t.ids().clientId(),
                t.ids().clientSecret()));
    }

    /** A till paired with the store: its client (its own credential) and its pairing answer. */
    record Till(ApiClient api, JsonNode pairing) {
        String prefix() {
            return pairing.get("displayPrefix").asText();
        }

        String deviceId() {
            return pairing.get("deviceId").asText();
        }
    }

    Till pair(TestServer.Tenant t, String name) {
        ApiClient.Response code = t.api().post("/backoffice/v1/orgs/" + t.ids().orgId() + "/devices/pairing-codes",
                Map.of("propertyId", t.ids().propertyId(), "role", "TILL"));
        assertEquals(201, code.status(), code.body());
        ApiClient.Response paired = new ApiClient(server.uri()).post("/store/v1/pairings",
                Map.of("code", code.json().get("code").asText(), "name", name));
        assertEquals(201, paired.status(), paired.body());
        return new Till(new ApiClient(server.uri()).with("Authorization", "Bearer "
                + paired.json().get("credential").asText()), paired.json());
    }

    static String store(TestServer.Tenant t) {
        return "/backoffice/v1/orgs/" + t.ids().orgId() + "/properties/" + t.ids().propertyId();
    }
}
