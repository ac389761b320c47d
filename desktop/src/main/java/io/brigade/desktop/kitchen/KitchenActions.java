package io.brigade.desktop.kitchen;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.protocol.kitchen.KitchenPrepTimes;
import io.brigade.protocol.kitchen.KitchenTicket;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The kitchen's actions on the server, as the signed-in person; each answers the ticket as it now is. */
public final class KitchenActions {
    private final BackOfficeClient office;
    private final String propertyId;

    public KitchenActions(BackOfficeClient office, String propertyId) {
        this.office = office;
        this.propertyId = propertyId;
    }

    public KitchenTicket start(String ticketId, String stationId) throws IOException {
        return office.post(part(ticketId, stationId) + "/start", null, KitchenTicket.class);
    }

    public KitchenTicket bump(String ticketId, String stationId) throws IOException {
        return office.post(part(ticketId, stationId) + "/bump", null, KitchenTicket.class);
    }

    /** Brings back the ticket {@code stationId} bumped last. */
    public KitchenTicket recall(String stationId) throws IOException {
        return office.post("kitchen/stations/" + segment(stationId) + "/recall?propertyId=" + segment(propertyId),
                null, KitchenTicket.class);
    }

    public KitchenTicket serve(String ticketId) throws IOException {
        return office.post("kitchen/tickets/" + segment(ticketId) + "/serve", null, KitchenTicket.class);
    }

    /** Brings back the ticket served last. */
    public KitchenTicket recallServed() throws IOException {
        return office.post("kitchen/served/recall?propertyId=" + segment(propertyId), null, KitchenTicket.class);
    }

    public KitchenTicket markLine(String ticketId, String lineId, boolean done) throws IOException {
        return office.post("kitchen/tickets/" + segment(ticketId) + "/lines/" + segment(lineId),
                Map.of("done", done), KitchenTicket.class);
    }

    public KitchenPrepTimes prepTimes() throws IOException {
        return office.get("kitchen/prep-times?propertyId=" + segment(propertyId), KitchenPrepTimes.class);
    }

    /** The stream's address for this terminal's property. */
    public okhttp3.HttpUrl streamUrl() {
        return office.url("kitchen/stream?propertyId=" + segment(propertyId));
    }

    private static String part(String ticketId, String stationId) {
        return "kitchen/tickets/" + segment(ticketId) + "/stations/" + segment(stationId);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
