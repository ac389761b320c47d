package io.brigade.desktop.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.protocol.availability.ChannelSnoozes;
import io.brigade.protocol.availability.Snooze;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The till keeps the last snoozes it read, across a restart without the server, and ends them by its own clock. */
class SnoozeCacheTest {
    @TempDir
    Path dir;

    @Test
    void lastKnownSnoozesSurviveARestartAndExpireByTheClock() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        ChannelSnoozes state = new ChannelSnoozes("sc1", false, null, List.of(
                new Snooze(null, "cola", now.minusSeconds(60), null, "manager"),
                new Snooze(null, "lager", now.minusSeconds(60), now.plusSeconds(600), "manager")));
        LocalDatabase db = LocalDatabase.open(dir);
        SnoozeCache cache = new SnoozeCache(db, "sc1");
        List<ChannelSnoozes> heard = new ArrayList<>();
        cache.onChange(heard::add);
        assertEquals(ChannelSnoozes.NONE, cache.current());
        cache.store(state);
        cache.store(state);
        assertEquals(1, heard.size(), "an unchanged read tells nobody");
        db.close();

        LocalDatabase reopened = LocalDatabase.open(dir);
        ChannelSnoozes known = new SnoozeCache(reopened, "sc1").current();
        reopened.close();
        assertEquals(state, known, "a till restarted offline still knows the snoozes");
        assertEquals(Set.of("cola", "lager"), known.itemsAt(now));
        assertEquals(Set.of("cola"), known.itemsAt(now.plusSeconds(600)), "the timed snooze ended at its expiry");
        assertTrue(known.item("cola", now).isPresent());
        assertFalse(known.channel(now).isPresent());
        ChannelSnoozes store = new ChannelSnoozes("sc1", true,
                new Snooze(null, null, now.minusSeconds(5), now.plusSeconds(5), "manager"), List.of());
        assertTrue(store.channel(now).isPresent());
        assertFalse(store.channel(now.plusSeconds(5)).isPresent());
    }
}
