package io.brigade.server.devices;

import io.brigade.protocol.Problem;
import io.brigade.protocol.devices.Device;
import io.brigade.protocol.devices.DevicePairing;
import io.brigade.protocol.devices.DeviceRole;
import io.brigade.protocol.devices.DeviceUpdate;
import io.brigade.protocol.devices.Devices;
import io.brigade.protocol.devices.Fingerprints;
import io.brigade.protocol.devices.NewPairingCode;
import io.brigade.protocol.devices.PairingCode;
import io.brigade.protocol.devices.PairingRequest;
import io.brigade.protocol.org.Org;
import io.brigade.protocol.org.Property;
import io.brigade.protocol.org.SalesChannel;
import io.brigade.server.access.Caller;
import io.brigade.server.auth.DeviceCredentials;
import io.brigade.server.auth.Secrets;
import io.brigade.server.db.DataAccessException;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.DomainException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.TooManyRequestsException;
import io.brigade.server.domain.Validation;
import io.brigade.server.org.OrgRepository;
import io.brigade.server.staff.SignInLockoutRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices of a store: a manager makes a one-time pairing code, a new device trades it (over HTTPS, after the
 * person compared fingerprints) for its own credential, and managers list, rename and revoke devices. A revoked
 * device is refused at once, except that a till may still hand in the sales it rang before it was revoked.
 */
public final class DeviceService implements DeviceCredentials {
    /** A pairing code works this long, once. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    /** How often a device's last contact is written (at most), so that a busy till does not write per request. */
    static final Duration SEEN_EVERY = Duration.ofSeconds(30);
    private static final int CODE_LENGTH = 8;

    private final Database database;
    private final DeviceRepository devices;
    private final OrgRepository orgs;
    private final StoreIdentity store;
    private final Clock clock;
    private final SignInLockoutRepository lockouts = new SignInLockoutRepository();
    private final ConcurrentHashMap<String, Instant> lastWritten = new ConcurrentHashMap<>();

    public DeviceService(Database database, DeviceRepository devices, OrgRepository orgs, StoreIdentity store,
                         Clock clock) {
        this.database = database;
        this.devices = devices;
        this.orgs = orgs;
        this.store = store;
        this.clock = clock;
    }

    /** A new one-time code for a device of {@code body.propertyId()} with {@code body.role()}. */
    public PairingCode newCode(String orgId, NewPairingCode body, String createdBy) {
        if (body == null) {
            throw InvalidInputException.malformed("send a JSON object with propertyId and role");
        }
        Validation v = new Validation();
        v.require(body.propertyId(), "propertyId");
        Optional<DeviceRole> role = DeviceRole.parse(body.role());
        if (v.require(body.role(), "role") && role.isEmpty()) {
            v.error("role", "must be one of TILL, KITCHEN_SCREEN, OFFICE");
        }
        if (body.name() != null && body.name().strip().length() > 100) {
            v.error("name", "must be at most 100 characters");
        }
        v.throwIfMalformed();
        String fingerprint = store.fingerprint().orElseThrow(() -> new ConflictException("this server answers on "
                + "this computer only: switch \"serve the store\" on in the back office (or run the server package) "
                + "before adding devices"));
        String code = Secrets.crockford(CODE_LENGTH);
        Instant now = clock.instant();
        Instant expires = now.plus(CODE_LIFETIME);
        String name = body.name() == null || body.name().isBlank() ? null : body.name().strip();
        database.inTransaction(c -> {
            if (orgs.findProperty(c, orgId, body.propertyId()).isEmpty()) {
                throw InvalidInputException.malformed("propertyId",
                        "is not a property of this org");
            }
            devices.insertCode(c, Secrets.sha256Hex(code), orgId, body.propertyId(), role.get(), name, createdBy,
                    now, expires);
            return null;
        });
        return new PairingCode(code.substring(0, 4) + "-" + code.substring(4), expires, body.propertyId(),
                role.get(), name, fingerprint, Fingerprints.display(fingerprint), store.addresses());
    }

    /**
     * Trades a pairing code for a device credential. Wrong, used and expired codes are refused (and count against
     * the caller like wrong PINs do); a code works once, even for two devices trying it at the same moment.
     */
    public DevicePairing pair(PairingRequest body, String caller) {
        if (body == null || body.code() == null || body.code().isBlank()) {
            throw InvalidInputException.malformed("code", "is required");
        }
        if (body.name() != null && body.name().strip().length() > 100) {
            throw InvalidInputException.malformed("name", "must be at most 100 characters");
        }
        String subject = "pairing:" + caller;
        Instant now = clock.instant();
        String codeHash = Secrets.sha256Hex(normalize(body.code()));
        String fingerprint = store.fingerprint().orElse(null);
        for (int attempt = 1; ; attempt++) {
            try {
                Object outcome = database.inTransaction(c -> {
                    Optional<Instant> locked = lockouts.lockedUntil(c, subject, now);
                    if (locked.isPresent()) {
                        return new TooManyRequestsException("too many wrong pairing codes from this computer: try "
                                + "again in " + minutes(now, locked.get()) + " minute(s)",
                                Duration.between(now, locked.get()), java.util.Map.of());
                    }
                    Optional<DeviceRepository.Code> code = devices.lockCode(c, codeHash);
                    String refusal = code.isEmpty() ? "this is not a pairing code of this store; check it, or ask a "
                            + "manager for a new one"
                            : code.get().usedAt() != null ? "this pairing code has been used already; ask a manager "
                            + "for a new one"
                            : !now.isBefore(code.get().expiresAt()) ? "this pairing code has expired (they work for "
                            + "10 minutes); ask a manager for a new one" : null;
                    if (refusal != null) {
                        lockouts.failed(c, subject, SignInLockoutRepository.Policy.DEFAULT, now);
                        return InvalidInputException.malformed("code", refusal);
                    }
                    DeviceRepository.Code valid = code.get();
                    Org org = orgs.findOrg(c, valid.orgId()).orElseThrow();
                    Property property = orgs.findProperty(c, valid.orgId(), valid.propertyId()).orElseThrow();
                    String channel = orgs.channels(c, valid.orgId(), valid.propertyId()).stream()
                            .sorted((a, b) -> Boolean.compare(!"POS".equals(a.salesChannelType()),
                                    !"POS".equals(b.salesChannelType())))
                            .map(SalesChannel::salesChannelId).findFirst().orElse(null);
                    String name = body.name() != null && !body.name().isBlank() ? body.name().strip()
                            : valid.name() != null ? valid.name() : defaultName(valid.role());
                    String prefix = valid.role() == DeviceRole.TILL
                            ? nextPrefix(devices.prefixes(c, valid.propertyId())) : null;
                    String deviceId = "dev" + Secrets.crockford(12);
                    String credential = Devices.CREDENTIAL_PREFIX + Secrets.randomToken(32);
                    devices.insert(c, deviceId, valid.orgId(), valid.propertyId(), name, valid.role(), prefix,
                            Secrets.sha256Hex(credential), now);
                    devices.useCode(c, codeHash, deviceId, now);
                    lockouts.succeeded(c, subject);
                    return new DevicePairing(deviceId, credential, valid.orgId(), org.name(), valid.propertyId(),
                            property.name(), channel, valid.role(), name, prefix, fingerprint);
                });
                if (outcome instanceof DomainException refusal) {
                    throw refusal;
                }
                return (DevicePairing) outcome;
            } catch (DataAccessException e) {
                // Two tills of one store paired at the same moment took the same prefix: the second tries again.
                if (!e.isUniqueViolation() || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    public List<Device> list(String orgId) {
        return database.read(c -> devices.list(c, orgId));
    }

    public Device rename(String orgId, String deviceId, DeviceUpdate body) {
        if (body == null) {
            throw InvalidInputException.malformed("send a JSON object with name and/or role");
        }
        Validation v = new Validation();
        if (body.name() != null && (body.name().isBlank() || body.name().strip().length() > 100)) {
            v.error("name", "must be 1 to 100 characters");
        }
        Optional<DeviceRole> role = DeviceRole.parse(body.role());
        if (body.role() != null && role.isEmpty()) {
            v.error("role", "must be one of TILL, KITCHEN_SCREEN, OFFICE");
        }
        v.throwIfMalformed();
        return database.inTransaction(c -> {
            Device d = devices.find(c, orgId, deviceId).orElseThrow(() -> new NotFoundException("device " + deviceId));
            if (role.isPresent() && role.get() != d.role() && (role.get() == DeviceRole.TILL) != (d.role() == DeviceRole.TILL)) {
                throw InvalidInputException.malformed("role",
                        "a till cannot become another kind of device, nor the other way round: pair it again");
            }
            devices.update(c, deviceId, body.name() == null ? d.name() : body.name().strip(), role.orElse(d.role()));
            return devices.find(c, orgId, deviceId).orElseThrow();
        });
    }

    /** Revokes a device at once: its credential and the staff sessions opened on it stop working. */
    public void revoke(String orgId, String deviceId) {
        database.inTransaction(c -> {
            devices.find(c, orgId, deviceId).orElseThrow(() -> new NotFoundException("device " + deviceId));
            devices.revoke(c, deviceId, clock.instant());
            return null;
        });
    }

    /** The device holding {@code credential}, revoked ones too (the access rules decide what they may still do). */
    @Override
    public Optional<Caller.Device> find(String credential) {
        Optional<DeviceRepository.Holder> holder = database.read(c -> devices.findByToken(c,
                Secrets.sha256Hex(credential)));
        holder.ifPresent(this::touch);
        return holder.map(DeviceRepository.Holder::device);
    }

    /** The device's own row, as the back office lists it. */
    public Device self(Caller.Device device) {
        return database.read(c -> devices.find(c, device.orgId(), device.deviceId()))
                .orElseThrow(() -> new NotFoundException("device " + device.deviceId()));
    }

    private void touch(DeviceRepository.Holder h) {
        if (h.device().revokedAt().isPresent()) {
            return;
        }
        Instant now = clock.instant();
        String id = h.device().deviceId();
        Instant written = lastWritten.getOrDefault(id, h.lastSeenAt() == null ? Instant.MIN : h.lastSeenAt());
        if (!now.isBefore(written.plus(SEEN_EVERY))) {
            lastWritten.put(id, now);
            database.inTransaction(c -> {
                devices.seen(c, id, now);
                return null;
            });
        }
    }

    /** Crockford base32 as people type it: any case, spaces and dashes ignored, O read as 0 and I or L as 1. */
    static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
    }

    /** A, B, ... Z, then AA, AB...: the first a till of this store never had. */
    static String nextPrefix(Set<String> taken) {
        for (int n = 0; ; n++) {
            String p = n < 26 ? String.valueOf((char) ('A' + n))
                    : String.valueOf((char) ('A' + (n / 26 - 1))) + (char) ('A' + n % 26);
            if (!taken.contains(p)) {
                return p;
            }
        }
    }

    private static String defaultName(DeviceRole role) {
        return switch (role) {
            case TILL -> "Till";
            case KITCHEN_SCREEN -> "Kitchen screen";
            case OFFICE -> "Office";
        };
    }

    private static long minutes(Instant now, Instant until) {
        return Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
    }
}
