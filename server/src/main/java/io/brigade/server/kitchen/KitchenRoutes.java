package io.brigade.server.kitchen;

import static io.brigade.protocol.devices.DeviceRole.KITCHEN_SCREEN;
import static io.brigade.protocol.devices.DeviceRole.TILL;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.protocol.kitchen.KitchenFire;
import io.brigade.protocol.kitchen.KitchenSnapshot;
import io.brigade.protocol.kitchen.KitchenStations;
import io.brigade.protocol.kitchen.KitchenVoid;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.util.OptionalLong;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The kitchen's back-office routes, all under {@code /backoffice/v1/orgs/{orgId}/kitchen}; screens need kitchen
 * staff, a manager or the org's own client:
 * <ul>
 * <li>{@code GET stream?propertyId=} server-sent events. Without {@code Last-Event-ID} the first event is
 * {@code snapshot} (a {@link KitchenSnapshot}); then {@code ticket-created}, {@code ticket-updated} (whole
 * tickets) and {@code stations} ({@link KitchenEvent}), each with {@code id:} = the cursor to resume from. A
 * resume from a cursor whose next event was already deleted ({@link KitchenEventRetention}) starts with a
 * snapshot.</li>
 * <li>{@code GET tickets?propertyId=} the same snapshot as plain JSON; {@code GET prep-times?propertyId=}.</li>
 * <li>{@code GET stations?propertyId=}; {@code PUT stations?propertyId=} (managers) with {@link KitchenStations}.</li>
 * <li>{@code POST tickets/{ticketId}/stations/{stationId}/start} and {@code .../bump};
 * {@code POST stations/{stationId}/recall?propertyId=}; {@code POST tickets/{ticketId}/serve} and
 * {@code POST served/recall?propertyId=} (the expo); {@code POST tickets/{ticketId}/lines/{lineId}} with
 * {@code {"done": true|false}}.</li>
 * <li>Tills (the org's own client, cashiers, managers): {@code POST rounds} with a {@link KitchenFire} (201 with
 * the ticket; 200 with the same ticket when the operation was applied before) and {@code POST voids} with a
 * {@link KitchenVoid}.</li>
 * </ul>
 */
public final class KitchenRoutes {
    private static final String BASE = "/backoffice/v1/orgs/{orgId}/kitchen";
    private final KitchenService service;
    private final KitchenStreams streams;
    private final Database database;
    private final KitchenRepository kitchen;

    public KitchenRoutes(KitchenService service, KitchenStreams streams, Database database,
                         KitchenRepository kitchen) {
        this.service = service;
        this.streams = streams;
        this.database = database;
        this.kitchen = kitchen;
    }

    public void register(Router router) {
        router.stream(BASE + "/stream", Access.kitchen().orDevices(KITCHEN_SCREEN, TILL), this::stream)
                .get(BASE + "/tickets", Access.kitchen().orDevices(KITCHEN_SCREEN),
                        ex -> Reply.ok(service.snapshot(ex.path("orgId"), property(ex))))
                .get(BASE + "/prep-times", Access.kitchen().orDevices(KITCHEN_SCREEN),
                        ex -> Reply.ok(service.prepTimes(ex.path("orgId"), property(ex))))
                .get(BASE + "/stations", Access.kitchen().orDevices(KITCHEN_SCREEN),
                        ex -> Reply.ok(service.stations(ex.path("orgId"), property(ex))))
                .put(BASE + "/stations", Access.manager(), ex -> Reply.ok(service.saveStations(ex.path("orgId"),
                        property(ex), ex.json(KitchenStations.class))))
                .post(BASE + "/tickets/{ticketId}/stations/{stationId}/start", Access.kitchen().orDevices(KITCHEN_SCREEN), ex -> {
                    ex.body(); // read (and ignore) any body, so the connection can carry the next request
                    return Reply.ok(service.start(ex.path("orgId"), ex.path("ticketId"), ex.path("stationId")));
                })
                .post(BASE + "/tickets/{ticketId}/stations/{stationId}/bump", Access.kitchen().orDevices(KITCHEN_SCREEN), ex -> {
                    ex.body();
                    return Reply.ok(service.bump(ex.path("orgId"), ex.path("ticketId"), ex.path("stationId")));
                })
                .post(BASE + "/stations/{stationId}/recall", Access.kitchen().orDevices(KITCHEN_SCREEN), ex -> {
                    ex.body();
                    return Reply.ok(service.recall(ex.path("orgId"), property(ex), ex.path("stationId")));
                })
                .post(BASE + "/tickets/{ticketId}/serve", Access.kitchen().orDevices(KITCHEN_SCREEN), ex -> {
                    ex.body();
                    return Reply.ok(service.serve(ex.path("orgId"), ex.path("ticketId")));
                })
                .post(BASE + "/served/recall", Access.kitchen().orDevices(KITCHEN_SCREEN), ex -> {
                    ex.body();
                    return Reply.ok(service.recallServed(ex.path("orgId"), property(ex)));
                })
                .post(BASE + "/tickets/{ticketId}/lines/{lineId}", Access.kitchen().orDevices(KITCHEN_SCREEN), this::markLine)
                .post(BASE + "/rounds", Access.till().orDevices(TILL).storesInBody("propertyId"), ex -> {
                    KitchenTickets.Fired fired = service.fire(ex.path("orgId"), ex.json(KitchenFire.class));
                    return fired.created() ? Reply.created(fired.ticket()) : Reply.ok(fired.ticket());
                })
                .post(BASE + "/voids", Access.till(),
                        ex -> Reply.ok(service.voidLine(ex.path("orgId"), ex.json(KitchenVoid.class))));
    }

    private static String property(Exchange ex) {
        return ex.query("propertyId").orElse(null);
    }

    private Reply markLine(Exchange ex) throws Exception {
        JsonNode body = ex.json(JsonNode.class);
        JsonNode done = body.get("done");
        if (done == null || !done.isBoolean()) {
            throw InvalidInputException.malformed("done", "is required: true or false");
        }
        return Reply.ok(service.markLine(ex.path("orgId"), ex.path("ticketId"), ex.path("lineId"),
                done.booleanValue()));
    }

    private void stream(Exchange ex, Response response, Callback callback) {
        String orgId = ex.path("orgId");
        String propertyId = property(ex);
        service.checkProperty(orgId, propertyId);
        // Away longer than events are kept, or new: start again from a snapshot.
        OptionalLong cursor = ResumeCursor.of(ex.header("Last-Event-ID"),
                () -> database.read(c -> kitchen.currentSeq(c, orgId, false)),
                next -> database.read(c -> kitchen.hasEvent(c, orgId, next)));
        if (cursor.isEmpty()) {
            openWithSnapshot(orgId, propertyId, response, callback);
            return;
        }
        long from = cursor.getAsLong();
        streams.open(orgId, propertyId, from, "retry: 2000\n: resumed after " + from + "\n\n", response, callback);
    }

    private void openWithSnapshot(String orgId, String propertyId, Response response, Callback callback) {
        KitchenSnapshot snapshot = service.snapshot(orgId, propertyId);
        streams.open(orgId, propertyId, snapshot.cursor(), "retry: 2000\n\n"
                + KitchenStreams.format(snapshot.cursor(), "snapshot", KitchenTickets.json(snapshot)),
                response, callback);
    }
}
