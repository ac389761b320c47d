package io.brigade.protocol.staff;

import java.time.Instant;

/**
 * A signed-in staff member's bearer token for the back office, with who they are and when it ends. While
 * {@code pinChangeRequired} (a manager signing in with the one-time PIN {@code bootstrap} printed) the token only
 * sets their own PIN ({@code PUT /backoffice/v1/sessions/current/pin}, a {@link PinChange}).
 */
public record StaffSession(String token, String tokenType, Instant expiresAt, String staffId, String name,
                           StaffRole role, boolean pinChangeRequired) {

    public StaffSession(String token, String tokenType, Instant expiresAt, String staffId, String name,
                        StaffRole role) {
        this(token, tokenType, expiresAt, staffId, name, role, false);
    }
}
