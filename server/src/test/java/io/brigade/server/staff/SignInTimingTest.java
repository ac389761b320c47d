package io.brigade.server.staff;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.protocol.staff.NewStaffMember;
import io.brigade.server.auth.SessionRepository;
import io.brigade.server.auth.StaffSessions;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.db.Database;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.support.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A wrong PIN costs the same whether or not the org exists. This test times on purpose: the answer time was the
 * leak (one PBKDF2 per member made an org of twelve take ~18 ms more than a missing one).
 */
class SignInTimingTest {
    private static final int ROUNDS = 150;

    @Test
    void aWrongPinTakesAsLongForAMissingOrgAsForAnExistingOne() {
        try (Database database = Database.open(TestDatabases.freshUrl("h2"), TestDatabases.user("h2"), null)) {
            Clock clock = Clock.systemUTC();
            DemoBootstrap.Result org = new DemoBootstrap(database, clock).run("Timing Bistro");
            // Lockouts would soon answer instead of the PIN check: this test is about the check itself.
            StaffSessions service = new StaffSessions(database, new SessionRepository(), new StaffRepository(), clock,
                    new SignInLockoutRepository.Policy(Integer.MAX_VALUE, Duration.ofMinutes(5), Duration.ofDays(1)));
            StaffService members = new StaffService(database, new StaffRepository(), new OrgRepository(), clock);
            for (int i = 0; i < 11; i++) {
                members.add(org.orgId(), new NewStaffMember("Member " + i, "CASHIER", String.format("55%02d", i)));
            }
            String wrong = "44444444";
            long[] existing = new long[ROUNDS];
            long[] missing = new long[ROUNDS];
            for (int i = 0; i < 30; i++) { // warm-up
                service.signIn(new StaffSessions.SignIn(org.orgId(), wrong, null, "address:test"));
                service.signIn(new StaffSessions.SignIn("orgMISSING", wrong, null, "address:test"));
            }
            for (int i = 0; i < ROUNDS; i++) {
                long t0 = System.nanoTime();
                StaffSessions.Outcome a = service.signIn(new StaffSessions.SignIn(org.orgId(), wrong, null,
                        "address:test"));
                long t1 = System.nanoTime();
                StaffSessions.Outcome b = service.signIn(new StaffSessions.SignIn("orgMISSING", wrong, null,
                        "address:test"));
                long t2 = System.nanoTime();
                assertInstanceOf(StaffSessions.Outcome.WrongPin.class, a);
                assertInstanceOf(StaffSessions.Outcome.WrongPin.class, b);
                existing[i] = t1 - t0;
                missing[i] = t2 - t1;
            }
            double gapMillis = Math.abs(median(existing) - median(missing)) / 1e6;
            assertTrue(gapMillis < 2.0, "median gap " + gapMillis + " ms (existing org " + median(existing) / 1e6
                    + " ms, missing org " + median(missing) / 1e6 + " ms)");
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
