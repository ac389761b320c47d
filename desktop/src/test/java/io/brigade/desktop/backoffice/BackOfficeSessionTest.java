package io.brigade.desktop.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.desktop.client.BackOfficeException;
import io.brigade.desktop.local.Role;
import io.brigade.desktop.shell.AppServices;
import io.brigade.desktop.support.LiveServer;
import io.brigade.desktop.support.Tills;
import io.brigade.protocol.Data;
import io.brigade.protocol.staff.NewStaffMember;
import io.brigade.protocol.staff.StaffMember;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A terminal's staff come from the server, and whoever signs in reaches the back office as themselves. */
class BackOfficeSessionTest {
    private static final TypeReference<Data<List<StaffMember>>> STAFF = new TypeReference<>() { };

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void staffSyncFromTheServerAndEachSessionCarriesItsRole() throws Exception {
        try (LiveServer server = LiveServer.start(dir.resolve("server"))) {
            DemoBootstrap.Result tenant = server.bootstrap("Session Bistro");
            try (AppServices till = AppServices.start(new AppServices.Options(dir.resolve("till"))
                    .settings(server.terminal(tenant)).menuRefresh(Duration.ofMillis(200)))) {
                Tills.awaitMenu(till, Duration.ofSeconds(20));
                assertEquals(Role.MANAGER, till.staff().signIn(tenant.managerPin()).orElseThrow().role(),
                        "the bootstrap manager's PIN works at the till: staff came from the server");
                assertEquals(Role.KITCHEN, till.staff().signIn("2222").orElseThrow().role());

                BackOfficeClient office = till.backOffice();
                office.remember("9999");
                List<StaffMember> staff = office.get("staff", STAFF).data();
                assertEquals(List.of("Manager", "Ciara", "Kevin", "Maeve"),
                        staff.stream().map(StaffMember::name).toList());
                StaffMember added = office.post("staff", new NewStaffMember("Niamh", "CASHIER", "5555"),
                        StaffMember.class);
                assertEquals("Niamh", added.name());
                var signedIn = Awaitility.await("the new member on the till").atMost(Duration.ofSeconds(20))
                        .until(() -> till.staff().signIn("5555"), java.util.Optional::isPresent).orElseThrow();
                assertEquals("Niamh", signedIn.name(),
                        "a member added in the back office can sign in at the till after the next sync");

                BackOfficeException refused = assertThrows(BackOfficeException.class,
                        () -> office.post("staff", new NewStaffMember("", "CHEF", "1"), StaffMember.class));
                assertEquals(400, refused.status());
                assertTrue(refused.getMessage().contains("role"), refused.getMessage());

                office.remember("2222");
                BackOfficeException kitchen = assertThrows(BackOfficeException.class, () -> office.get("staff", STAFF));
                assertEquals(403, kitchen.status(), "kitchen staff cannot manage staff");

                office.remember("8642");
                BackOfficeException unknown = assertThrows(BackOfficeException.class, () -> office.get("staff", STAFF));
                assertEquals(401, unknown.status());

                office.forget();
                assertEquals(401, assertThrows(BackOfficeException.class, office::session).status(),
                        "nobody is signed in after sign-out");
            }
        }
    }
}
