package io.brigade.server.staff;

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
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** An org's staff: adds members with their role and PIN, lists and removes them (sessions: {@code auth}). */
public final class StaffService {
    private final Database database;
    private final StaffRepository staff;
    private final OrgRepository orgs;
    private final Clock clock;

    public StaffService(Database database, StaffRepository staff, OrgRepository orgs, Clock clock) {
        this.database = database;
        this.staff = staff;
        this.orgs = orgs;
        this.clock = clock;
    }

    /** Adds a member after checking every field; a PIN must be unique within the org. */
    public StaffMember add(String orgId, NewStaffMember body) {
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
            if (holderOf(staff.credentials(c, orgId), body.pin()).isPresent()) {
                throw new ConflictException("pin", "another staff member of this org already uses this PIN");
            }
            staff.insert(c, orgId, member, salt, digest);
            return member;
        });
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

    private static Optional<StaffCredential> holderOf(List<StaffCredential> members, String pin) {
        return members.stream().filter(m -> PinDigest.matches(pin, m.pinSalt(), m.pinDigest())).findFirst();
    }
}
