package io.brigade.server.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sales that arrive together share a group commit, which adds them to the rollups once per rollup row.
 * The same sales pushed by 16 clients at once into one org and one by one into another must give the
 * same answer in every analytics view.
 */
class BatchedRollupsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SALES = 60;
    private static final String RANGE = "fromDate=2026-05-06&toDate=2026-05-07";
    private static final List<String> VIEWS = List.of("summary", "daily", "meals", "options", "funnel",
            "profitability", "ingredients");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void salesCommittedTogetherAddUpLikeSalesCommittedOneByOne(String db) throws Exception {
        TestServer server = TestServer.of(db);
        {
            TestServer.Tenant together = server.newTenant();
            TestServer.Tenant oneByOne = server.newTenant();
            List<Integer> shapes = new Random(7).ints(SALES, 0, 4).boxed().toList();

            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> pushes = new ArrayList<>();
                for (int i = 0; i < SALES; i++) {
                    Map<String, Object> sale = sale(together.ids(), i, shapes.get(i));
                    pushes.add(clients.submit(() -> create(together, sale)));
                }
                for (Future<?> push : pushes) {
                    push.get();
                }
            } finally {
                clients.shutdown();
            }
            for (int i = 0; i < SALES; i++) {
                create(oneByOne, sale(oneByOne.ids(), i, shapes.get(i)));
            }

            for (String view : VIEWS) {
                String expected = sameIds(view(oneByOne, view), oneByOne.ids(), together.ids());
                assertEquals(canonical(expected), canonical(view(together, view)), view);
            }
            assertTrue(view(together, "summary").contains("\"orders\":" + SALES), view(together, "summary"));
        }
    }

    /** One of four shapes: a pizza with or without a topping, two drinks, or a pizza and a drink with a discount. */
    private static Map<String, Object> sale(DemoBootstrap.Result ids, int i, int shape) {
        String margherita = ids.menuItemIds().get(0);
        String water = ids.menuItemIds().get(8);
        String cola = ids.menuItemIds().get(9);
        String mozzarella = ids.modifierItemIds().get(0);
        String time = Instant.parse("2026-05-06T09:00:00Z").plusSeconds(i * 1_800L).toString();
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> discounts = new ArrayList<>();
        BigDecimal total;
        switch (shape) {
            case 0 -> {
                items.add(Sales.item(margherita, 1, "11.50", List.of()));
                total = new BigDecimal("11.50");
            }
            case 1 -> {
                items.add(Sales.item(margherita, 2, "11.50", List.of(Sales.item(mozzarella, 1, "1.50", List.of()))));
                total = new BigDecimal("26.00");
            }
            case 2 -> {
                items.add(Sales.item(water, 2, "2.50", List.of()));
                items.add(Sales.item(cola, 1, "3.00", List.of()));
                total = new BigDecimal("8.00");
            }
            default -> {
                items.add(Sales.item(margherita, 1, "11.50", List.of()));
                items.add(Sales.item(cola, 1, "3.00", List.of()));
                discounts.add(Sales.amount("Spot", "1.45", null));
                total = new BigDecimal("13.05");
            }
        }
        Map<String, Object> sale = Sales.simple(ids, time, total.toPlainString());
        sale.put("externalId", UUID.randomUUID().toString());
        sale.put("items", items);
        sale.put("discounts", discounts);
        return sale;
    }

    private static void create(TestServer.Tenant t, Map<String, Object> sale) {
        ApiClient.Response r = t.api().post("/salesManagement/orgs/" + t.ids().orgId() + "/sales", sale,
                "x-idempotency-key", (String) sale.get("externalId"));
        assertEquals(201, r.status(), r.body());
    }

    private static String view(TestServer.Tenant t, String view) {
        ApiClient.Response r = t.api().get("/backoffice/v1/orgs/" + t.ids().orgId() + "/analytics/" + view + "?" + RANGE);
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    /** The JSON with the elements of every array in one order: views break ties by id, and ids differ. */
    private static String canonical(String json) throws Exception {
        return sortArrays(MAPPER.readTree(json)).toString();
    }

    private static JsonNode sortArrays(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = MAPPER.createObjectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), sortArrays(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(e -> elements.add(sortArrays(e)));
            elements.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode out = MAPPER.createArrayNode();
            elements.forEach(out::add);
            return out;
        }
        return node;
    }

    /** {@code body} with the ids of {@code from}'s org tree and menu replaced by those of {@code to}. */
    private static String sameIds(String body, DemoBootstrap.Result from, DemoBootstrap.Result to) {
        String out = body.replace(from.orgId(), to.orgId()).replace(from.propertyId(), to.propertyId())
                .replace(from.salesChannelId(), to.salesChannelId()).replace(from.menuId(), to.menuId());
        for (int i = 0; i < from.menuItemIds().size(); i++) {
            out = out.replace(from.menuItemIds().get(i), to.menuItemIds().get(i));
        }
        for (int i = 0; i < from.modifierItemIds().size(); i++) {
            out = out.replace(from.modifierItemIds().get(i), to.modifierItemIds().get(i));
        }
        return out;
    }
}
