package io.brigade.server.staff;

import io.brigade.server.db.DataAccessException;
import io.brigade.server.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed digest a PIN is found by: HMAC-SHA256 of (org, PIN) under a key the first server makes and keeps in
 * the database. The org is part of it, so two orgs' equal PINs differ; one indexed look-up finds the member.
 */
public final class PinIndex {
    private final Database database;
    private final StaffRepository staff;
    private volatile SecretKeySpec key;

    public PinIndex(Database database, StaffRepository staff) {
        this.database = database;
        this.staff = staff;
    }

    public String of(String orgId, String pin) {
        SecretKeySpec k = key;
        if (k == null) {
            // Its own transaction: a key made inside a transaction that then rolls back must not stay cached.
            k = new SecretKeySpec(HexFormat.of().parseHex(keyValue()), "HmacSHA256");
            key = k;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(k);
            return HexFormat.of().formatHex(mac.doFinal((orgId + "\n" + pin).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private String keyValue() {
        try {
            return database.inTransaction(staff::pinIndexKey);
        } catch (DataAccessException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            return database.read(staff::pinIndexKey); // another node made it at the same moment
        }
    }
}
