package io.brigade.server.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.sales.Sale;
import io.brigade.server.domain.InvalidInputException;
import java.util.Objects;

/**
 * The paired till a sale came from. Its sales carry it on the wire ({@code metadata.posTerminal} with the till's
 * name, {@code metadata.deviceId}) whatever the till wrote there, and number their display ids with the till's own
 * prefix ({@code A-0042}), so that two tills ringing offline at the same time never hand out the same number.
 */
public record TillOrigin(String deviceId, String name, String displayPrefix) {
    public TillOrigin {
        Objects.requireNonNull(deviceId, "deviceId == null");
        Objects.requireNonNull(name, "name == null");
    }

    /** {@code sale} as this till's: its metadata naming the till; refused (422) if its display id is not the till's. */
    Sale stamp(Sale sale) {
        String displayId = sale.displayId() == null ? null : sale.displayId().strip();
        if (displayPrefix != null && displayId != null && !displayId.isEmpty()
                && !displayId.startsWith(displayPrefix + "-")) {
            throw InvalidInputException.unprocessable("displayId", "this till numbers its sales " + displayPrefix
                    + "-1, " + displayPrefix + "-2, ... (its prefix in the store, from pairing)");
        }
        ObjectNode metadata;
        if (sale.metadata() == null || sale.metadata().isBlank()) {
            metadata = Json.mapper().createObjectNode();
        } else {
            JsonNode parsed;
            try {
                parsed = Json.mapper().readTree(sale.metadata());
            } catch (JsonProcessingException e) {
                parsed = null;
            }
            if (parsed == null || !parsed.isObject()) {
                throw InvalidInputException.unprocessable("metadata", "a till's sale carries a JSON object here "
                        + "(the server adds posTerminal and deviceId to it)");
            }
            metadata = (ObjectNode) parsed;
        }
        metadata.put("posTerminal", name).put("deviceId", deviceId);
        return new Sale(sale.salesChannelId(), sale.source(), sale.requestedFulfillmentTime(), sale.desiredAsap(),
                sale.dispatchType(), sale.externalId(), sale.displayId(), sale.menuId(), sale.menuRevisionId(),
                sale.customer(), sale.dineIn(), sale.delivery(), sale.items(), sale.charges(), sale.discounts(),
                sale.payments(), metadata.toString(), sale.saleId(), sale.status());
    }
}
