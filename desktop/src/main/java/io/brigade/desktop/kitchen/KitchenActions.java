package io.brigade.desktop.kitchen;

import io.brigade.desktop.client.BackOfficeClient;
import io.brigade.protocol.kitchen.KitchenTicket;
import java.io.IOException;
import java.util.Map;

/** The kitchen's actions on the server, as the signed-in person; each answers the ticket as it now is. */
public final class KitchenActions {
    private final BackOfficeClient office;
    private final String propertyId;

    public KitchenActions(BackOfficeClient office, String propertyId) {
        this.office = office;
        this.propertyId = propertyId;
    }

    public KitchenTicket start(String saleId) throws IOException {
        return office.post("kitchen/tickets/" + saleId + "/start", null, KitchenTicket.class);
    }

    public KitchenTicket bump(String saleId) throws IOException {
        return office.post("kitchen/tickets/" + saleId + "/bump", null, KitchenTicket.class);
    }

    public KitchenTicket recallLast() throws IOException {
        return office.post("kitchen/recall?propertyId=" + propertyId, null, KitchenTicket.class);
    }

    public KitchenTicket markItem(String saleId, int lineNo, boolean done) throws IOException {
        return office.post("kitchen/tickets/" + saleId + "/items/" + lineNo, Map.of("done", done), KitchenTicket.class);
    }

    /** The stream's address for this terminal's property. */
    public okhttp3.HttpUrl streamUrl() {
        return office.url("kitchen/stream?propertyId=" + propertyId);
    }
}
