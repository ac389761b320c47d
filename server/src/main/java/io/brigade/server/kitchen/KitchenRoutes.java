package io.brigade.server.kitchen;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.kitchen.KitchenEvent;
import io.brigade.protocol.kitchen.KitchenSnapshot;
import io.brigade.server.access.Access;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The kitchen display's back-office routes (kitchen staff, managers, the org's own client), all under
 * {@code /backoffice/v1/orgs/{orgId}/kitchen}:
 * <ul>
 * <li>{@code GET stream?propertyId=} server-sent events. Without {@code Last-Event-ID} the first event is
 * {@code snapshot} (a {@link KitchenSnapshot}); then {@code ticket-created}, {@code ticket-status} and
 * {@code item-done} ({@link KitchenEvent}), each with {@code id:} = the cursor to resume from. A resume
 * from a cursor whose next event was already deleted ({@link KitchenEventRetention}) starts with a snapshot.</li>
 * <li>{@code GET tickets?propertyId=} the same snapshot as plain JSON.</li>
 * <li>{@code POST tickets/{saleId}/start}, {@code .../bump}, {@code POST recall?propertyId=},
 * {@code POST tickets/{saleId}/items/{lineNo}} with {@code {"done": true|false}}.</li>
 * </ul>
 */
public final class KitchenRoutes {
    private static final String BASE = "/backoffice/v1/orgs/{orgId}/kitchen";
    private final KitchenService service;
    private final KitchenStreams streams;
    private final io.brigade.server.db.Database database;
    private final KitchenRepository kitchen;

    public KitchenRoutes(KitchenService service, KitchenStreams streams, io.brigade.server.db.Database database,
                         KitchenRepository kitchen) {
        this.service = service;
        this.streams = streams;
        this.database = database;
        this.kitchen = kitchen;
    }

    public void register(Router router) {
        router.stream(BASE + "/stream", Access.kitchen(), this::stream)
                .get(BASE + "/tickets", Access.kitchen(),
                        ex -> Reply.ok(service.snapshot(ex.path("orgId"), ex.query("propertyId").orElse(null))))
                .post(BASE + "/tickets/{saleId}/start", Access.kitchen(), ex -> {
                    ex.body(); // read (and ignore) any body, so the connection can carry the next request
                    return Reply.ok(service.start(ex.path("orgId"), ex.path("saleId")));
                })
                .post(BASE + "/tickets/{saleId}/bump", Access.kitchen(), ex -> {
                    ex.body(); // read (and ignore) any body, so the connection can carry the next request
                    return Reply.ok(service.bump(ex.path("orgId"), ex.path("saleId")));
                })
                .post(BASE + "/recall", Access.kitchen(), ex -> {
                    ex.body();
                    return Reply.ok(service.recall(ex.path("orgId"), ex.query("propertyId").orElse(null)));
                })
                .post(BASE + "/tickets/{saleId}/items/{lineNo}", Access.kitchen(), this::markItem);
    }

    private Reply markItem(Exchange ex) throws Exception {
        JsonNode body = ex.json(JsonNode.class);
        int lineNo;
        try {
            lineNo = Integer.parseInt(ex.path("lineNo"));
        } catch (NumberFormatException e) {
            throw InvalidInputException.malformed("lineNo", "must be a whole number");
        }
        JsonNode done = body.get("done");
        if (done == null || !done.isBoolean()) {
            throw InvalidInputException.malformed("done", "is required: true or false");
        }
        return Reply.ok(service.markItem(ex.path("orgId"), ex.path("saleId"), lineNo, done.booleanValue()));
    }

    private void stream(Exchange ex, Response response, Callback callback) {
        String orgId = ex.path("orgId");
        String propertyId = ex.query("propertyId").orElse(null);
        service.checkProperty(orgId, propertyId);
        String lastEventId = ex.header("Last-Event-ID");
        if (lastEventId == null || lastEventId.isBlank()) {
            openWithSnapshot(orgId, propertyId, response, callback);
            return;
        }
        long cursor;
        try {
            cursor = Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            cursor = -1;
        }
        long from = cursor;
        long last = database.read(c -> kitchen.currentSeq(c, orgId, false));
        if (cursor < 0 || cursor > last) {
            throw InvalidInputException.malformed("Last-Event-ID",
                    "must be an event id this stream sent (0 to " + last + ")");
        }
        if (cursor < last && !database.read(c -> kitchen.hasEvent(c, orgId, from + 1))) {
            // Away longer than events are kept (KitchenEventRetention): start again from a snapshot.
            openWithSnapshot(orgId, propertyId, response, callback);
            return;
        }
        streams.open(orgId, propertyId, cursor, "retry: 2000\n: resumed after " + cursor + "\n\n", response, callback);
    }

    private void openWithSnapshot(String orgId, String propertyId, Response response, Callback callback) {
        KitchenSnapshot snapshot = service.snapshot(orgId, propertyId);
        streams.open(orgId, propertyId, snapshot.cursor(), "retry: 2000\n\n"
                + KitchenStreams.format(snapshot.cursor(), "snapshot", KitchenTickets.json(snapshot)),
                response, callback);
    }
}
