package io.brigade.server.staff;

import io.brigade.protocol.staff.LanguageChange;
import io.brigade.protocol.staff.NewStaffMember;
import io.brigade.protocol.staff.PinDigest;
import io.brigade.protocol.staff.StaffCredential;
import io.brigade.protocol.staff.StaffMember;
import io.brigade.protocol.staff.StaffRole;
import io.brigade.server.Ids;
import io.brigade.server.db.Database;
import io.brigade.server.domain.ConflictException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.domain.Validation;
import io.brigade.server.org.OrgRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An org's staff: adds members with their role and PIN, lists and removes them, and lets a member choose their
 * own PIN (sessions: {@code auth}). A PIN is unique in its org, found by its keyed digest ({@link PinIndex}), and
 * the demo restaurant's PINs are for the demo restaurant only.
 */
public final class StaffService {
    /** The demo restaurant's PINs: printed on its sign-in screen, so no other org may use them. */
    public static final Set<String> DEMO_PINS = Set.of("1111", "2222", "9999");

    private final Database database;
    private final StaffRepository staff;
    private final OrgRepository orgs;
    private final Clock clock;
    private final PinIndex index;

    public StaffService(Database database, StaffRepository staff, OrgRepository orgs, Clock clock) {
        this.database = database;
        this.staff = staff;
        this.orgs = orgs;
        this.clock = clock;
        this.index = new PinIndex(database, staff);
    }

    /** Adds a member after checking every field; a PIN must be unique within the org. */
    public StaffMember add(String orgId, NewStaffMember body) {
        return add(orgId, body, false);
    }

    /**
     * As {@link #add(String, NewStaffMember)}; {@code oneTimePin} makes the member choose their own PIN at first
     * sign-in (the manager {@code bootstrap} prints).
     */
    public StaffMember add(String orgId, NewStaffMember body, boolean oneTimePin) {
        Validation v = new Validation();
        if (body == null) {
            throw InvalidInputException.malformed("send a JSON object with name, role and pin");
        }
        if (v.require(body.name(), "name") && body.name().strip().length() > 100) {
            v.error("name", "must be at most 100 characters");
        }
        Optional<StaffRole> role = StaffRole.parse(body.role());
        if (v.require(body.role(), "role") && role.isEmpty()) {
            v.error("role", "must be one of CASHIER, KITCHEN, MANAGER");
        }
        if (v.require(body.pin(), "pin") && !PinDigest.isWellFormed(body.pin())) {
            v.error("pin", "must be 4 to 8 digits");
        }
        v.throwIfMalformed();
        String salt = PinDigest.newSalt();
        String digest = PinDigest.digest(body.pin(), salt);
        StaffMember member = new StaffMember(Ids.staffMember(), body.name().strip(), role.get(),
                clock.instant());
        return database.inTransaction(c -> {
            if (orgs.plan(c, orgId).isEmpty()) {
                throw new NotFoundException("org " + orgId);
            }
            checkPinFree(c, orgId, body.pin(), null);
            staff.insert(c, orgId, member, salt, digest, index.of(orgId, body.pin()), oneTimePin);
            return member;
        });
    }

    private void checkPinFree(Connection c, String orgId, String pin, String exceptStaffId) throws SQLException {
        if (DEMO_PINS.contains(pin) && !staff.isDemoOrg(c, orgId)) {
            throw InvalidInputException.malformed("pin",
                    "is one of the demo restaurant's PINs, printed on its sign-in screen; choose another");
        }
        Optional<StaffRepository.Holder> holder = staff.findByPinIndex(c, index.of(orgId, pin));
        boolean taken = holder.isPresent() && !holder.get().staffId().equals(exceptStaffId);
        if (!taken) {
            taken = staff.withoutPinIndex(c, orgId).stream().anyMatch(m -> !m.staffId().equals(exceptStaffId)
                    && PinDigest.matches(pin, m.pinSalt(), m.pinDigest()));
        }
        if (taken) {
            throw new ConflictException("pin", "another staff member of this org already uses this PIN");
        }
    }

    /** Gives the org's staff the demo PINs' right: only the demo restaurant calls this. */
    public void markDemo(String orgId) {
        database.inTransaction(c -> {
            staff.markDemoOrg(c, orgId);
            return null;
        });
    }

    /** The signed-in member chooses their own PIN (a manager after the one-time PIN from bootstrap). */
    public void changePin(String orgId, String staffId, String pin) {
        if (!PinDigest.isWellFormed(pin)) {
            throw InvalidInputException.malformed("pin", "must be 4 to 8 digits");
        }
        String salt = PinDigest.newSalt();
        String digest = PinDigest.digest(pin, salt);
        String pinIndex = index.of(orgId, pin);
        database.inTransaction(c -> {
            if (staff.findByPinIndex(c, pinIndex).filter(h -> h.staffId().equals(staffId)).isPresent()) {
                throw InvalidInputException.malformed("pin", "is the PIN you have now; choose another");
            }
            checkPinFree(c, orgId, pin, staffId);
            if (!staff.setPin(c, staffId, salt, digest, pinIndex)) {
                throw new NotFoundException("staff member " + staffId);
            }
            return null;
        });
    }

    /**
     * The signed-in member chooses the language the desktop speaks to them (one the desktop speaks, or null for each
     * device's own); tills pick it up with their next sync.
     */
    public void changeLanguage(String orgId, String staffId, String language) {
        if (language != null && !LanguageChange.SPOKEN.contains(language)) {
            throw InvalidInputException.malformed("language", "must be one of " + String.join(", ",
                    LanguageChange.SPOKEN) + ", or null for the device's own");
        }
        if (!database.inTransaction(c -> staff.setLanguage(c, orgId, staffId, language))) {
            throw new NotFoundException("staff member " + staffId);
        }
    }

    public List<StaffMember> list(String orgId) {
        return database.read(c -> staff.list(c, orgId));
    }

    public List<StaffCredential> credentials(String orgId) {
        return database.read(c -> staff.credentials(c, orgId));
    }

    public void remove(String orgId, String staffId) {
        if (!database.inTransaction(c -> staff.remove(c, orgId, staffId, clock.instant()))) {
            throw new NotFoundException("staff member " + staffId);
        }
    }
}
