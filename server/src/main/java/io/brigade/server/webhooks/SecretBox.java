package io.brigade.server.webhooks;

import io.brigade.server.db.DataFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook signing secrets at rest with AES-256-GCM under the server's master key. A secret
 * must be usable to sign, so it cannot be hashed; a database dump without the key reveals nothing.
 * Stored form: {@code v1:<base64(12-byte nonce + ciphertext + tag)>}.
 */
public final class SecretBox {
    /** Environment variable holding the base64 master key (32 bytes). */
    public static final String ENV = "BRIGADE_MASTER_KEY";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A box with a fresh random key (tests and benchmarks). */
    public static SecretBox random() {
        return new SecretBox(randomBytes(32));
    }

    /**
     * The key from {@code BRIGADE_MASTER_KEY} if set, else from {@code keyFile}, which is created with
     * 32 random bytes (owner-only permissions where the file system has them) on first start.
     */
    public static SecretBox fromEnvOrFile(Path keyFile) {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new SecretBox(Base64.getDecoder().decode(env.strip()));
        }
        try {
            if (!Files.exists(keyFile)) {
                if (keyFile.toAbsolutePath().getParent() != null) {
                    DataFiles.directory(keyFile.toAbsolutePath().getParent());
                }
                DataFiles.createOwnerOnly(keyFile, Base64.getEncoder().encode(randomBytes(32)));
            }
            DataFiles.ownerOnly(keyFile); // a key file made by an older version may be readable by others
            return new SecretBox(Base64.getDecoder().decode(Files.readString(keyFile).strip()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the master key file " + keyFile, e);
        }
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    public String seal(String secret) {
        try {
            byte[] nonce = randomBytes(NONCE);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return "v1:" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The secret; fails (without saying more) when the key is wrong or the value was tampered with. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith("v1:")) {
            throw new IllegalStateException("not a sealed secret");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE));
            return new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret cannot be opened with this master key");
        }
    }
}
