package io.brigade.server.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold the restaurant's data or keys are for the account that runs Brigade only: directories it
 * creates are {@code rwx------} (700), files {@code rw-------} (600). On a file system without POSIX
 * permissions (Windows) files inherit the directory's ACL, as they always did.
 */
public final class DataFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private DataFiles() {
    }

    /**
     * Creates {@code dir} and the parents it lacks, each new one owner-only; a directory that already exists
     * keeps the permissions its operator gave it.
     */
    public static Path directory(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return dir;
        }
        if (absolute.getParent() != null) {
            directory(absolute.getParent());
        }
        try {
            if (POSIX) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // created meanwhile by another start: fine
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
        return dir;
    }

    /** Makes an existing file owner-only (a no-op for a missing file or without POSIX permissions). */
    public static void ownerOnly(Path file) {
        if (!POSIX || !Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " readable by its owner only", e);
        }
    }

    /** Writes a new file, owner-only from its first byte; fails if it exists. */
    public static void createOwnerOnly(Path file, byte[] content) throws IOException {
        try (var channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ownerOnlyAttributes())) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** The attributes that create a file owner-only (none without POSIX permissions). */
    static FileAttribute<?>[] ownerOnlyAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }
}
