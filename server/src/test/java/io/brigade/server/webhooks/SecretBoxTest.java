package io.brigade.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook secrets at rest: sealed with AES-GCM, openable only with the same master key. */
class SecretBoxTest {

    @Test
    void sealedSecretOpensOnlyWithTheSameKey() {
        SecretBox box = SecretBox.random();
        String sealed = box.seal("my-signing-secret");
        assertFalse(sealed.contains("my-signing-secret"));
        assertNotEquals(sealed, box.seal("my-signing-secret"), "a fresh nonce per seal");
        assertEquals("my-signing-secret", box.open(sealed));
        assertThrows(IllegalStateException.class, () -> SecretBox.random().open(sealed));
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThrows(IllegalStateException.class, () -> box.open(tampered));
    }

    @Test
    void keyFileIsCreatedOnFirstStartAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys").resolve("master.key");
        String sealed = SecretBox.fromEnvOrFile(file).seal("s3cret");
        assertEquals(44, Files.readString(file).strip().length(), "base64 of 32 bytes");
        assertEquals("s3cret", SecretBox.fromEnvOrFile(file).open(sealed));
    }
}
