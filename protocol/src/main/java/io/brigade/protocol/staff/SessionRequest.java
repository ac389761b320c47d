package io.brigade.protocol.staff;

/**
 * {@code POST /backoffice/v1/sessions}: a staff member signs in to an org with their PIN. {@code staffId} is
 * optional: a device that knows who is signing in (they picked their name) names them, and wrong PINs then also
 * count against that account's lockout.
 */
public record SessionRequest(String orgId, String pin, String staffId) {

    public SessionRequest(String orgId, String pin) {
        this(orgId, pin, null);
    }
}
