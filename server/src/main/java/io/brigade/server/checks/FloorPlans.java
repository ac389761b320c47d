package io.brigade.server.checks;

import io.brigade.protocol.checks.FloorPlan;
import io.brigade.server.db.Database;
import io.brigade.server.domain.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A store's floor plan: read by tills and the office, replaced whole by a manager. A change reaches every device
 * on the floor stream ({@code floor-plan}), so tills redraw their tables at once.
 */
public final class FloorPlans {
    static final int MAX_AREAS = 20;
    static final int MAX_TABLES = 300;
    private final Database database;
    private final CheckRepository checks;
    private final CheckService service;
    private final Consumer<String> changed;
    private final Clock clock;

    public FloorPlans(Database database, CheckRepository checks, CheckService service, Consumer<String> changed,
                      Clock clock) {
        this.database = database;
        this.checks = checks;
        this.service = service;
        this.changed = changed;
        this.clock = clock;
    }

    /** The store's plan; an empty one (no areas) before a manager drew it. */
    public FloorPlan get(String orgId, String propertyId) {
        service.checkProperty(orgId, propertyId);
        return database.read(c -> checks.floorPlan(c, orgId, propertyId))
                .map(body -> read(body))
                .orElse(new FloorPlan(propertyId, List.of(), null));
    }

    public FloorPlan save(String orgId, String propertyId, FloorPlan plan) {
        service.checkProperty(orgId, propertyId);
        FloorPlan checked = check(propertyId, plan, clock.instant());
        String body = CheckService.json(checked);
        database.inTransaction(c -> {
            checks.saveFloorPlan(c, orgId, propertyId, body, checked.updatedAt());
            checks.appendEvent(c, orgId, propertyId, "-", CheckRepository.FLOOR_PLAN, body, checked.updatedAt());
            return null;
        });
        changed.accept(orgId);
        return checked;
    }

    static FloorPlan check(String propertyId, FloorPlan plan, Instant now) {
        Validation v = new Validation();
        if (plan == null || plan.areas() == null) {
            v.error("areas", "is required (a list of areas, each with its tables)");
            v.throwIfMalformed();
        }
        if (plan.propertyId() != null && !plan.propertyId().equals(propertyId)) {
            v.error("propertyId", "must be the store of the request (" + propertyId + ") or left out");
        }
        if (plan.areas().size() > MAX_AREAS) {
            v.error("areas", "must hold at most " + MAX_AREAS + " areas");
            v.throwIfMalformed();
        }
        Set<String> areaIds = new HashSet<>();
        Set<String> tables = new HashSet<>();
        int count = 0;
        List<FloorPlan.Area> out = new ArrayList<>();
        for (int i = 0; i < plan.areas().size(); i++) {
            FloorPlan.Area a = plan.areas().get(i);
            String at = "areas[" + i + "]";
            if (a == null) {
                v.error(at, "is required");
                continue;
            }
            if (v.require(a.name(), at + ".name")) {
                v.text(a.name().strip(), 40, at + ".name");
            }
            String areaId = a.areaId() == null || a.areaId().isBlank() ? "area-" + (i + 1) : a.areaId().strip();
            if (!areaId.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
                v.error(at + ".areaId", "must be 1-40 letters, digits, dashes or underscores");
            } else if (!areaIds.add(areaId)) {
                v.error(at + ".areaId", "another area has the id " + areaId);
            }
            List<FloorPlan.Table> placed = new ArrayList<>();
            List<FloorPlan.Table> given = a.tables() == null ? List.of() : a.tables();
            for (int j = 0; j < given.size(); j++) {
                FloorPlan.Table t = given.get(j);
                String tp = at + ".tables[" + j + "]";
                if (t == null) {
                    v.error(tp, "is required");
                    continue;
                }
                count++;
                if (v.require(t.table(), tp + ".table") && v.text(t.table().strip(), 20, tp + ".table")
                        && !tables.add(t.table().strip().toLowerCase(Locale.ROOT))) {
                    v.error(tp + ".table", "table " + t.table().strip() + " is on the plan twice");
                }
                if (v.require(t.shape(), tp + ".shape") && !List.of(FloorPlan.ROUND, FloorPlan.SQUARE,
                        FloorPlan.RECTANGLE).contains(t.shape())) {
                    v.error(tp + ".shape", "must be round, square or rectangle");
                }
                if (v.require(t.seats(), tp + ".seats") && (t.seats() < 1 || t.seats() > 30)) {
                    v.error(tp + ".seats", "must be between 1 and 30");
                }
                for (String axis : new String[] {"x", "y"}) {
                    Integer value = axis.equals("x") ? t.x() : t.y();
                    if (v.require(value, tp + "." + axis) && (value < 0 || value > FloorPlan.GRID)) {
                        v.error(tp + "." + axis, "must be between 0 and " + FloorPlan.GRID);
                    }
                }
                if (t.table() != null) {
                    placed.add(new FloorPlan.Table(t.table().strip(), t.shape(), t.seats(), t.x(), t.y()));
                }
            }
            out.add(new FloorPlan.Area(areaId, a.name() == null ? null : a.name().strip(), placed));
        }
        if (count > MAX_TABLES) {
            v.error("areas", "a floor may hold at most " + MAX_TABLES + " tables");
        }
        v.throwIfMalformed();
        return new FloorPlan(propertyId, out, now);
    }

    private static FloorPlan read(String body) {
        try {
            return io.brigade.protocol.Json.mapper().readValue(body, FloorPlan.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored floor plan cannot be read", e);
        }
    }
}
