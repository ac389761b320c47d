package io.brigade.server.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log of committed writes that H2 has not stored yet. H2 keeps recent commits in
 * memory until its next store, so a {@code kill -9} loses them; a write that is acknowledged only after
 * its record is in this log (in the operating system's hands, like H2's own store with
 * {@code WRITE_DELAY=0}) can be redone at the next start. Records whose data H2 has stored are dropped
 * by {@link #rotate()} and {@link #releaseRotated()} around a checkpoint.
 *
 * <p>Each process (each {@link Database} in tests that open one file twice) writes its own segment
 * files and holds a lock on them, so recovery only reads the segments of instances that are gone.
 * A record is {@code [int length][int crc32c][bytes]}; a torn or corrupt tail (the kill came in the
 * middle of a write) ends a segment's records, and such a record was never acknowledged.
 */
public final class CommitJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommitJournal.class);
    private static final String SUFFIX = ".journal";
    private static final int MAX_RECORD = 64 * 1024 * 1024;

    private final Path dir;
    private final String instance = UUID.randomUUID().toString();
    private long nextSegment;
    private Segment current;
    // Rotated segments whose records the database has not stored yet (a checkpoint failed or is under way).
    private final List<Segment> rotated = new ArrayList<>();

    /** One open, locked segment file. */
    private static final class Segment {
        private final Path path;
        private final FileChannel channel;
        private final FileLock lock;

        private Segment(Path path, FileChannel channel, FileLock lock) {
            this.path = path;
            this.channel = channel;
            this.lock = lock;
        }

        void close() throws IOException {
            lock.release();
            channel.close();
        }
    }

    private CommitJournal(Path dir) {
        this.dir = dir;
    }

    /** Opens the journal in {@code dir} (created if missing) with a fresh segment of this instance's own. */
    public static CommitJournal open(Path dir) {
        try {
            Files.createDirectories(dir);
            CommitJournal journal = new CommitJournal(dir);
            journal.current = journal.newSegment();
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the commit journal in " + dir, e);
        }
    }

    public Path directory() {
        return dir;
    }

    /**
     * Appends records in one write. When this returns they survive the death of this process (not a
     * power cut: there is no fsync, as H2 itself does none).
     */
    public synchronized void append(List<byte[]> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        int size = 0;
        for (byte[] r : records) {
            size += 8 + r.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        CRC32C crc = new CRC32C();
        for (byte[] r : records) {
            crc.reset();
            crc.update(r);
            buffer.putInt(r.length).putInt((int) crc.getValue()).put(r);
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            current.channel.write(buffer);
        }
    }

    /** Whether some record may not be stored by the database yet (in the current segment or a rotated one). */
    public synchronized boolean holdsRecords() throws IOException {
        return current.channel.size() > 0 || !rotated.isEmpty();
    }

    /**
     * Starts a new segment and returns the previous one, which stays locked. Every record in it belongs
     * to a write that committed before this call, so a store that starts after it covers them all.
     */
    public synchronized void rotate() throws IOException {
        rotated.add(current);
        current = newSegment();
    }

    /**
     * Deletes the segments rotated so far, whose records the database has stored: call it after a store
     * that started after the last {@link #rotate()}. Segments a failed store left behind go too.
     */
    public synchronized void releaseRotated() throws IOException {
        while (!rotated.isEmpty()) {
            delete(rotated.remove(0));
        }
    }

    private static void delete(Segment segment) throws IOException {
        Files.deleteIfExists(segment.path);
        segment.close();
    }

    /** Work that redoes recovered records; it must have stored them when it returns. */
    @FunctionalInterface
    public interface Redo {
        void redo(List<byte[]> records) throws Exception;
    }

    /**
     * Hands the records of segments left by instances that are gone (in the order they were written) to
     * {@code redo}, then deletes those segments. Segments another live instance holds are left alone.
     * Returns how many records were handed over.
     */
    public int recover(Redo redo) throws Exception {
        List<Segment> orphans = new ArrayList<>();
        List<byte[]> records = new ArrayList<>();
        try {
            for (Path path : orphanPaths()) {
                Segment segment = tryLock(path);
                if (segment == null) {
                    continue;
                }
                orphans.add(segment);
                records.addAll(read(segment.channel, path));
            }
            if (!records.isEmpty()) {
                redo.redo(records);
            }
            for (Segment segment : orphans) {
                delete(segment);
            }
            orphans.clear();
            return records.size();
        } finally {
            for (Segment segment : orphans) {
                segment.close();
            }
        }
    }

    private List<Path> orphanPaths() throws IOException {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : files) {
                if (!p.getFileName().toString().contains(instance)) {
                    paths.add(p);
                }
            }
        }
        // Names start with the segment's creation time, so this is the order the records were written in.
        paths.sort(null);
        return paths;
    }

    private static Segment tryLock(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new Segment(path, channel, lock);
        } catch (OverlappingFileLockException e) {
            // Another Database in this JVM writes it.
            channel.close();
            return null;
        }
    }

    static List<byte[]> read(FileChannel channel, Path path) throws IOException {
        List<byte[]> records = new ArrayList<>();
        long size = channel.size();
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 8));
        // A read may return fewer bytes than asked for: read until the buffer is full or the file ends.
        while (all.hasRemaining() && channel.read(all, all.position()) > 0) {
            // keep reading
        }
        all.flip();
        CRC32C crc = new CRC32C();
        while (all.remaining() >= 8) {
            int length = all.getInt();
            int expected = all.getInt();
            if (length < 0 || length > MAX_RECORD || length > all.remaining()) {
                LOG.warn("commit journal {}: torn record at the end, ignored (it was never acknowledged)", path);
                break;
            }
            byte[] record = new byte[length];
            all.get(record);
            crc.reset();
            crc.update(record);
            if ((int) crc.getValue() != expected) {
                LOG.warn("commit journal {}: record with a wrong checksum at the end, ignored", path);
                break;
            }
            records.add(record);
        }
        return records;
    }

    private Segment newSegment() throws IOException {
        // Zero-padded time first, so that sorting names sorts segments by age across instances.
        String name = String.format("%015d-%s-%06d%s", System.currentTimeMillis(), instance, nextSegment++, SUFFIX);
        Path path = dir.resolve(name);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        FileLock lock = channel.lock();
        return new Segment(path, channel, lock);
    }

    /** Deletes every segment of this instance: the caller has had the database store everything. */
    public synchronized void delete() throws IOException {
        releaseRotated();
        Files.deleteIfExists(current.path);
    }

    /** Lets go of the current segment (deleted or not), so that another instance may recover it. */
    @Override
    public synchronized void close() {
        rotated.add(current);
        for (Segment segment : rotated) {
            try {
                segment.close();
            } catch (IOException e) {
                LOG.warn("closing commit journal segment {} failed", segment.path, e);
            }
        }
        rotated.clear();
    }
}
