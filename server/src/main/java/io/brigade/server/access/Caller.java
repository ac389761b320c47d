package io.brigade.server.access;

import io.brigade.protocol.devices.DeviceRole;
import io.brigade.protocol.devices.Devices;
import io.brigade.protocol.staff.StaffRole;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the access filter found them from the request's credential. Each kind of credential is
 * one record; the rules in {@link Access} say which kinds may call a route, and the defaults here say which orgs
 * and stores a caller reaches. A new kind of credential (a store's paired device, the operator) is a new record
 * here and a line in the rules that admit it; the filter does not change.
 */
public sealed interface Caller permits Caller.OrgClient, Caller.ApiKey, Caller.Staff, Caller.StaffChoosingPin,
        Caller.App, Caller.Device {

    /** The org this caller acts for (an app: the developer org that owns it). */
    String orgId();

    /** The credential's id: the client id, the API key's id, the staff member's id, the app's client id. */
    String subject();

    /** The kind as webhook envelopes and logs name it ({@code oauth-client}, {@code api-key}, ...). */
    String kind();

    /** True if the caller may name {@code orgId} in a path (others answer 404, as unknown orgs do). */
    default boolean reaches(String requestedOrgId) {
        return orgId().equals(requestedOrgId);
    }

    /** The orgs a list of orgs shows this caller. */
    default List<String> reachableOrgIds() {
        return List.of(orgId());
    }

    /** The stores (property ids) of {@code orgId} this caller is limited to; empty when it reaches every store. */
    default Optional<Set<String>> storesOn(String requestedOrgId) {
        return Optional.empty();
    }

    /** False when the caller is limited to stores of {@code orgId} that leave {@code propertyId} out. */
    default boolean seesStore(String requestedOrgId, String propertyId) {
        return storesOn(requestedOrgId).map(stores -> stores.contains(propertyId)).orElse(true);
    }

    /**
     * When the credential was revoked, if it was: such a caller is refused everywhere with {@link #revocation()},
     * except where a route lets it hand in work done before that instant (a till's sales rung while offline).
     */
    default Optional<Instant> revokedAt() {
        return Optional.empty();
    }

    /** The refusal a revoked caller gets, saying what happened and what to do. */
    default String revocation() {
        return "this credential was revoked";
    }

    /** The org's own OAuth client: the owner's credential (the back office, the till's terminal credentials). */
    record OrgClient(String orgId, String clientId) implements Caller {
        public OrgClient {
            Objects.requireNonNull(orgId, "orgId == null");
            Objects.requireNonNull(clientId, "clientId == null");
        }

        @Override
        public String subject() {
            return clientId;
        }

        @Override
        public String kind() {
            return "oauth-client";
        }
    }

    /** An integration's API key: the v3 faces (as a bearer) and the public /api/v1 API ({@code X-API-Key}). */
    record ApiKey(String orgId, String keyId) implements Caller {
        public ApiKey {
            Objects.requireNonNull(orgId, "orgId == null");
            Objects.requireNonNull(keyId, "keyId == null");
        }

        @Override
        public String subject() {
            return keyId;
        }

        @Override
        public String kind() {
            return "api-key";
        }
    }

    /** A staff member signed in with their PIN: the back office, within their role. */
    record Staff(String orgId, String staffId, StaffRole role) implements Caller {
        public Staff {
            Objects.requireNonNull(orgId, "orgId == null");
            Objects.requireNonNull(staffId, "staffId == null");
            Objects.requireNonNull(role, "role == null");
        }

        @Override
        public String subject() {
            return staffId;
        }

        @Override
        public String kind() {
            return "staff-session";
        }
    }

    /**
     * A staff member who signed in with a one-time PIN (the manager {@code bootstrap} printed): until they choose
     * their own PIN, the session may do that and sign out, nothing else.
     */
    record StaffChoosingPin(String orgId, String staffId) implements Caller {
        public StaffChoosingPin {
            Objects.requireNonNull(orgId, "orgId == null");
            Objects.requireNonNull(staffId, "staffId == null");
        }

        @Override
        public String subject() {
            return staffId;
        }

        @Override
        public String kind() {
            return "staff-pin-change";
        }
    }

    /**
     * An OAuth app's token. It acts for its developer org, and reaches every org that installed it within the
     * install's scopes and stores, read per request from its {@link AppGrant}.
     */
    record App(AppGrant grant) implements Caller {
        public App {
            Objects.requireNonNull(grant, "grant == null");
        }

        @Override
        public String orgId() {
            return grant.ownerOrgId();
        }

        @Override
        public String subject() {
            return grant.clientId();
        }

        @Override
        public String kind() {
            return "oauth-app";
        }

        /** The owner org and orgs that have (or had) the app installed; the rules refuse the latter. */
        @Override
        public boolean reaches(String requestedOrgId) {
            return grant.reaches(requestedOrgId);
        }

        @Override
        public List<String> reachableOrgIds() {
            return grant.orgIds();
        }

        @Override
        public Optional<Set<String>> storesOn(String requestedOrgId) {
            return grant.access(requestedOrgId).filter(a -> !a.allStores()).map(AppGrant.OrgAccess::propertyIds);
        }
    }

    /**
     * A paired device of one store (a till, a kitchen screen, an office PC) with its own credential: it reaches
     * its org and that store only, and only the routes whose rules admit its role. A revoked device is still
     * recognised, so that it can be told so (and a till can hand in the sales it rang before). A till numbers its
     * sales {@code displayPrefix}-...; other devices have no prefix (null).
     */
    record Device(String orgId, String deviceId, String propertyId, DeviceRole role, String name,
                  String displayPrefix, Instant revokedAtOrNull) implements Caller {
        public Device {
            Objects.requireNonNull(orgId, "orgId == null");
            Objects.requireNonNull(deviceId, "deviceId == null");
            Objects.requireNonNull(propertyId, "propertyId == null");
            Objects.requireNonNull(role, "role == null");
            Objects.requireNonNull(name, "name == null");
        }

        @Override
        public String subject() {
            return deviceId;
        }

        @Override
        public String kind() {
            return "device";
        }

        @Override
        public Optional<Set<String>> storesOn(String requestedOrgId) {
            return Optional.of(Set.of(propertyId));
        }

        @Override
        public Optional<Instant> revokedAt() {
            return Optional.ofNullable(revokedAtOrNull);
        }

        @Override
        public String revocation() {
            return Devices.REVOKED + " a manager removed this device (" + name + ") from the store at "
                    + revokedAtOrNull + "; pair it again to use it";
        }
    }
}
