package io.brigade.server.kitchen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.kitchen.KitchenItem;
import io.brigade.protocol.kitchen.KitchenTicket;
import io.brigade.protocol.sales.DispatchType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored ticket as screens see it: the ticket as it was made, with its lines' marks, each station's progress and
 * the store's stations of now laid over it; and the status that follows from them.
 */
final class TicketView {
    private TicketView() {
    }

    /** The ticket as it was made; tickets stored before stations existed are read from their older shape. */
    static KitchenTicket stored(String json) {
        try {
            JsonNode tree = Json.mapper().readTree(json);
            if (tree.has("ticketId")) {
                return Json.mapper().treeToValue(tree, KitchenTicket.class);
            }
            List<KitchenItem> items = new ArrayList<>();
            for (JsonNode i : tree.path("items")) {
                List<String> modifiers = new ArrayList<>();
                i.path("modifiers").forEach(m -> modifiers.add(m.asText()));
                items.add(new KitchenItem(i.path("lineNo").asText(), i.path("name").asText(),
                        text(i, "categoryId"), text(i, "category"), null, i.path("quantity").asInt(1), 0, modifiers,
                        text(i, "notes"), null, false, null));
            }
            Instant created = Instant.parse(tree.path("createdAt").asText());
            String dispatch = text(tree, "dispatchType");
            return new KitchenTicket(tree.path("saleId").asText(), KitchenTicket.SALE, tree.path("saleId").asText(),
                    null, text(tree, "displayId"), tree.path("propertyId").asText(),
                    dispatch == null ? null : DispatchType.valueOf(dispatch), text(tree, "table"), null, null, null,
                    created, created, KitchenTicket.NEW, null, null, items, List.of());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored kitchen ticket is not readable", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A ticket just made, as shown: its stations named, none of them started. */
    static KitchenTicket fresh(KitchenTicket made, StationSetup setup) {
        return shown(made, made.orderedAt(), made.createdAt(), KitchenTicket.NEW, null, null, Map.of(), Map.of(),
                setup);
    }

    /** The ticket as shown now. */
    static KitchenTicket show(KitchenRepository.TicketRow row, Map<String, KitchenRepository.LineMark> marks,
                              Map<String, KitchenRepository.Progress> progress, StationSetup setup) {
        return shown(stored(row.ticketJson()), row.orderedAt(), row.createdAt(), row.status(), row.readyAt(),
                row.servedAt(), marks, progress, setup);
    }

    private static KitchenTicket shown(KitchenTicket made, Instant orderedAt, Instant createdAt, String status,
                                       Instant readyAt, Instant servedAt,
                                       Map<String, KitchenRepository.LineMark> marks,
                                       Map<String, KitchenRepository.Progress> progress, StationSetup setup) {
        List<KitchenItem> items = new ArrayList<>(made.items().size());
        Map<String, int[]> live = new LinkedHashMap<>();
        for (KitchenItem i : made.items()) {
            KitchenRepository.LineMark mark = marks.get(i.lineId());
            KitchenItem shown = i.withStation(setup.current(i.stationId()));
            if (mark != null) {
                shown = shown.withDone(mark.doneAt() != null).withVoided(mark.voidedQuantity(), mark.voidReason());
            }
            items.add(shown);
            live.computeIfAbsent(shown.stationId(), s -> new int[1])[0] += shown.fullyVoided() ? 0 : 1;
        }
        List<KitchenTicket.Station> stations = new ArrayList<>();
        for (Map.Entry<String, int[]> s : live.entrySet()) {
            KitchenRepository.Progress p = progress.get(s.getKey());
            stations.add(new KitchenTicket.Station(s.getKey(), setup.name(s.getKey()), p == null ? null : p.startedAt(),
                    p == null ? null : p.bumpedAt(), s.getValue()[0]));
        }
        stations.sort(Comparator.comparingInt(s -> setup.position(s.stationId())));
        return new KitchenTicket(made.ticketId(), made.source(), made.saleId(), made.checkId(), made.displayId(),
                made.propertyId(), made.dispatchType(), made.table(), made.guests(), made.round(), made.course(),
                orderedAt, createdAt, status, readyAt, servedAt, items, stations);
    }

    /**
     * The status that follows from a shown ticket's lines and stations: served once cleared; void once every
     * line is; ready once every station with something left to make bumped; in preparation once any station
     * started or bumped.
     */
    static String status(KitchenTicket t) {
        if (t.servedAt() != null) {
            return KitchenTicket.SERVED;
        }
        if (t.items().stream().allMatch(KitchenItem::fullyVoided)) {
            return KitchenTicket.VOIDED;
        }
        if (t.stations().stream().allMatch(s -> s.liveLines() == 0 || s.bumped())) {
            return KitchenTicket.READY;
        }
        if (t.stations().stream().anyMatch(s -> s.startedAt() != null || s.bumped())) {
            return KitchenTicket.IN_PREPARATION;
        }
        return KitchenTicket.NEW;
    }
}
