package io.brigade.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit journal's file format and who may recover which segment. */
class CommitJournalTest {
    @TempDir
    Path dir;

    @Test
    void recoveryReadsAGoneInstancesRecordsInOrderAndStopsAtATornTail() throws Exception {
        CommitJournal gone = CommitJournal.open(dir);
        gone.append(List.of(bytes("a"), bytes("b")));
        gone.rotate();
        gone.append(List.of(bytes("c")));
        gone.close(); // the process died: its segments stay, unlocked
        Path newest;
        try (Stream<Path> files = Files.list(dir)) {
            newest = files.sorted().reduce((x, y) -> y).orElseThrow();
        }
        // Half a record: a length that promises more bytes than the kill let through.
        Files.write(newest, ByteBuffer.allocate(10).putInt(100).putInt(7).array(), StandardOpenOption.APPEND);

        CommitJournal next = CommitJournal.open(dir);
        List<String> redone = new ArrayList<>();
        int found = next.recover(records -> records.forEach(r -> redone.add(new String(r, StandardCharsets.UTF_8))));
        assertEquals(List.of("a", "b", "c"), redone);
        assertEquals(3, found);
        assertEquals(0, next.recover(records -> redone.add("again")), "recovered segments are deleted");
        assertEquals(List.of("a", "b", "c"), redone);
        next.close();
    }

    @Test
    void aCheckpointDeletesTheRotatedSegmentsAndKeepsTheCurrentOne() throws Exception {
        CommitJournal journal = CommitJournal.open(dir);
        assertFalse(journal.holdsRecords(), "a fresh journal has nothing waiting for a store");
        journal.append(List.of(bytes("stored by the checkpoint")));
        assertTrue(journal.holdsRecords());
        journal.rotate();
        assertTrue(journal.holdsRecords(), "until the store is done, the rotated segment still counts");
        journal.append(List.of(bytes("after the rotation")));
        journal.releaseRotated();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the current segment is left");
        }
        journal.close();
        List<String> redone = new ArrayList<>();
        CommitJournal.open(dir).recover(records -> records.forEach(r -> redone.add(new String(r, StandardCharsets.UTF_8))));
        assertEquals(List.of("after the rotation"), redone);
    }

    @Test
    void aLiveInstancesSegmentIsLeftAlone() throws Exception {
        CommitJournal live = CommitJournal.open(dir);
        live.append(List.of(bytes("mine")));
        CommitJournal other = CommitJournal.open(dir);
        assertEquals(0, other.recover(records -> {
            throw new AssertionError("handed a live instance's records: " + records.size());
        }));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "both segments are still there");
        }
        other.close();
        live.close();
    }

    @Test
    void aCorruptRecordEndsTheSegment() throws Exception {
        CommitJournal gone = CommitJournal.open(dir);
        gone.append(List.of(bytes("kept"), bytes("flipped"), bytes("after")));
        gone.close();
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.findFirst().orElseThrow();
        }
        byte[] all = Files.readAllBytes(segment);
        all[8 + 4 + 8 + 2] ^= 0x20; // a byte inside "flipped"
        Files.write(segment, all);
        List<String> redone = new ArrayList<>();
        CommitJournal next = CommitJournal.open(dir);
        next.recover(records -> records.forEach(r -> redone.add(new String(r, StandardCharsets.UTF_8))));
        assertEquals(List.of("kept"), redone);
        assertFalse(Files.exists(segment));
        next.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
