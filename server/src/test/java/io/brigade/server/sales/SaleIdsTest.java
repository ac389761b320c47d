package io.brigade.server.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaleIdsTest {
    private static final String CROCKFORD_16 = "[0-9A-HJKMNP-TV-Z]{16}";

    @Test
    void idsMadeWithinOneMillisecondAreDistinctAndAscending() {
        SaleIds ids = new SaleIds(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }
        assertEquals(made.size(), new HashSet<>(made).size());
        for (int i = 1; i < made.size(); i++) {
            assertTrue(made.get(i - 1).compareTo(made.get(i)) < 0, made.get(i - 1) + " then " + made.get(i));
        }
        made.forEach(id -> assertTrue(id.matches(CROCKFORD_16), id));
    }

    @Test
    void aLaterMillisecondSortsAfterAnEarlierOne() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
        SaleIds ids = new SaleIds(clock);
        String earlier = ids.next();
        clock.advance(Duration.ofMillis(1));
        String later = ids.next();
        assertTrue(earlier.compareTo(later) < 0, earlier + " then " + later);
        // The first 8 characters are the time: one millisecond apart, they differ only at the end.
        assertEquals(earlier.substring(0, 7), later.substring(0, 7));
    }

    @Test
    void aClockThatGoesBackStillGivesAscendingIds() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
        SaleIds ids = new SaleIds(clock);
        String first = ids.next();
        clock.set(Instant.parse("2026-11-23T11:59:55Z"));
        String second = ids.next();
        assertTrue(first.compareTo(second) < 0, first + " then " + second);
    }

    @Test
    void twoGeneratorsInTheSameMillisecondDoNotCollide() {
        Clock fixed = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        SaleIds nodeA = new SaleIds(fixed);
        SaleIds nodeB = new SaleIds(fixed);
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertTrue(seen.add(nodeA.next()));
            assertTrue(seen.add(nodeB.next()));
        }
    }
}
