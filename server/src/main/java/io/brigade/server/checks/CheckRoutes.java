package io.brigade.server.checks;

import static io.brigade.protocol.devices.DeviceRole.OFFICE;
import static io.brigade.protocol.devices.DeviceRole.TILL;

import io.brigade.protocol.checks.CheckList;
import io.brigade.protocol.checks.CheckOperation;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import io.brigade.server.kitchen.KitchenStreams;
import io.brigade.server.kitchen.ResumeCursor;
import java.util.OptionalLong;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Table service under {@code /backoffice/v1/orgs/{orgId}}, for tills (a cashier, a manager, a paired till or the
 * org's own client):
 * <ul>
 * <li>{@code POST checks/{checkId}/operations} with one {@link CheckOperation}: 201 with the check when it was
 * applied now, 200 with the check as it is when the operation was applied before.</li>
 * <li>{@code GET checks?propertyId=} the store's open checks ({@link CheckList}), with {@code state=closed} those
 * closed in the last day (to reopen one: the {@code reopen} operation); {@code GET checks/{checkId}}.</li>
 * <li>{@code GET floor?propertyId=} the store's {@link io.brigade.protocol.checks.FloorPlan}; {@code PUT} the same
 * (managers) replaces it.</li>
 * <li>{@code GET floor/stream?propertyId=} server-sent events: first {@code snapshot} (a {@link CheckList}), then
 * {@code check-updated} with the whole check after each change (and {@code floor-plan} with the whole plan when a
 * manager changed it), each with {@code id:} = the cursor to resume from
 * ({@code Last-Event-ID}).</li>
 * </ul>
 */
public final class CheckRoutes {
    private static final String BASE = "/backoffice/v1/orgs/{orgId}";
    private final CheckService service;
    private final KitchenStreams streams;
    private final Database database;
    private final CheckRepository checks;

    private final FloorPlans floor;

    public CheckRoutes(CheckService service, FloorPlans floor, KitchenStreams streams, Database database,
                       CheckRepository checks) {
        this.service = service;
        this.floor = floor;
        this.streams = streams;
        this.database = database;
        this.checks = checks;
    }

    public void register(Router router) {
        router.post(BASE + "/checks/{checkId}/operations", Access.till().orDevices(TILL), ex -> {
                    CheckService.Applied applied = service.apply(ex.path("orgId"), ex.path("checkId"),
                            ex.json(CheckOperation.class), ex.caller());
                    return applied.applied() ? Reply.created(applied.check()) : Reply.ok(applied.check());
                })
                .get(BASE + "/checks", Access.till().orDevices(TILL, OFFICE),
                        ex -> Reply.ok(closed(ex) ? service.closed(ex.path("orgId"), ex.query("propertyId")
                                .orElse(null)) : service.open(ex.path("orgId"), ex.query("propertyId").orElse(null))))
                .get(BASE + "/checks/{checkId}", Access.till().orDevices(TILL, OFFICE),
                        ex -> Reply.ok(service.get(ex.path("orgId"), ex.path("checkId"))))
                .get(BASE + "/floor", Access.till().orDevices(TILL, OFFICE),
                        ex -> Reply.ok(floor.get(ex.path("orgId"), ex.query("propertyId").orElse(null))))
                .put(BASE + "/floor", Access.manager(), ex -> Reply.ok(floor.save(ex.path("orgId"),
                        ex.query("propertyId").orElse(null), ex.json(io.brigade.protocol.checks.FloorPlan.class))))
                .stream(BASE + "/floor/stream", Access.till().orDevices(TILL, OFFICE), this::stream);
    }

    /** {@code state=closed} asks for the checks closed in the last day; {@code open} (the default) for open ones. */
    private static boolean closed(Exchange ex) {
        String state = ex.query("state").orElse("open");
        if (!state.equals("open") && !state.equals("closed")) {
            throw io.brigade.server.domain.InvalidInputException.malformed("state", "must be open or closed");
        }
        return state.equals("closed");
    }

    private void stream(Exchange ex, Response response, Callback callback) {
        String orgId = ex.path("orgId");
        String propertyId = ex.query("propertyId").orElse(null);
        service.checkProperty(orgId, propertyId);
        // Away longer than events are kept, or new: start again from a snapshot.
        OptionalLong cursor = ResumeCursor.of(ex.header("Last-Event-ID"),
                () -> database.read(c -> checks.currentSeq(c, orgId, false)),
                next -> database.read(c -> checks.hasEvent(c, orgId, next)));
        if (cursor.isEmpty()) {
            openWithSnapshot(orgId, propertyId, response, callback);
            return;
        }
        long from = cursor.getAsLong();
        streams.open(orgId, propertyId, from, "retry: 2000\n: resumed after " + from + "\n\n", response, callback);
    }

    private void openWithSnapshot(String orgId, String propertyId, Response response, Callback callback) {
        CheckList snapshot = service.open(orgId, propertyId);
        streams.open(orgId, propertyId, snapshot.cursor(), "retry: 2000\n\n"
                + KitchenStreams.format(snapshot.cursor(), "snapshot", CheckService.json(snapshot)), response, callback);
    }
}
