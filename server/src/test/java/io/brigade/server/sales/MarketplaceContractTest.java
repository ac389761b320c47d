package io.brigade.server.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.jobs.Jobs;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestServer;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The marketplace guide's sale push as written: an API key in FD-Authorization, no x-idempotency-key, externalId
 * as the idempotency key, payments (18.49) that differ from items + charges - discounts (17.99).
 */
class MarketplaceContractTest {

    /** The guide's body, with only the ids of this org; {@code externalId} and the payment's amount as given. */
    static String guideBody(DemoBootstrap.Result ids, String externalId, String paid) {
        return """
                {
                  "salesChannelId": "%s",
                  "source": "YourMarketplace",
                  "externalId": "%s",
                  "requestedFulfillmentTime": "2025-10-28T14:30:00Z",
                  "desiredAsap": true,
                  "dispatchType": "Delivery",
                  "menuId": "%s",
                  "menuRevisionId": "1",
                  "customer": {
                    "phoneNumber": "+353871234567",
                    "name": "John Smith",
                    "emailAddress": "[email protected]",
                    "externalId": "customer_123"
                  },
                  "delivery": {
                    "deliveredBy": "External",
                    "notes": "Leave at door",
                    "location": {
                      "countryCode": "IE",
                      "addressFields": { "line1": "38 Pearse Street", "line2": "Dublin", "postCode": "D02 XX00" },
                      "coordinates": { "latitude": 53.343, "longitude": -6.255 }
                    }
                  },
                  "items": [
                    {
                      "menuItemId": "%s",
                      "quantity": 1,
                      "unitPrice": 13.99,
                      "modifierItems": [
                        { "menuItemId": "%s", "quantity": 1, "unitPrice": 1.50 }
                      ]
                    }
                  ],
                  "charges": [ { "type": "Delivery", "amount": 2.50 } ],
                  "discounts": [],
                  "payments": [
                    {
                      "type": "Sale",
                      "paymentMethod": "Online",
                      "amount": %s,
                      "paidAt": "2025-10-28T14:25:00Z",
                      "description1": "Visa ****4921"
                    }
                  ]
                }
                """.formatted(ids.salesChannelId(), externalId, ids.menuId(), ids.menuItemIds().get(1),
                ids.modifierItemIds().get(0), paid);
    }

    private record Org(TestServer server, DemoBootstrap.Result ids, ApiClient marketplace, ApiClient owner) {
        ApiClient.Response push(String body) {
            return marketplace.send("POST", "/sales/orgs/" + ids.orgId() + "/sales", body);
        }

        ApiClient.Response push(String body, String key) {
            return marketplace.with("x-idempotency-key", key).send("POST", "/sales/orgs/" + ids.orgId() + "/sales",
                    body);
        }

        JsonNode day() {
            return owner.get("/salesManagement/orgs/" + ids.orgId() + "/salesChannels/" + ids.salesChannelId()
                    + "/sales?fromDate=2025-10-28&toDate=2025-10-28").json().get("data");
        }

        JsonNode detail(String saleId) {
            return owner.get("/salesManagement/orgs/" + ids.orgId() + "/salesChannels/" + ids.salesChannelId()
                    + "/sales/" + saleId).json().get("data");
        }
    }

    private static Org org(String db) {
        TestServer server = TestServer.of(db);
        TestServer.Tenant t = server.newTenant();
        return new Org(server, t.ids(), new ApiClient(server.server().uri()).with("FD-Authorization", t.ids().apiKey())
                .with("User-Agent", "YourMarketplace/1.0"), t.api());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void guidePushWithoutKeyIsStoredOnceAndReplayed(String db) {
        Org o = org(db);
        String body = guideBody(o.ids(), "your-platform-order-12345", "18.49");
        ApiClient.Response first = o.push(body);
        assertEquals(201, first.status(), first.body());
        ApiClient.Response retry = o.push(body);
        assertEquals(201, retry.status(), retry.body());
        assertEquals(first.json(), retry.json(), "a replay answers the original sale");
        assertEquals(1, o.day().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void sameExternalIdWithAnotherBodyIsRefused(String db) {
        Org o = org(db);
        assertEquals(201, o.push(guideBody(o.ids(), "order-77", "18.49")).status());
        ApiClient.Response other = o.push(guideBody(o.ids(), "order-77", "20.00"));
        assertEquals(422, other.status(), other.body());
        assertEquals("externalId", other.json().get("errors").get(0).get("field").asText(), other.body());
        JsonNode day = o.day();
        assertEquals(1, day.size());
        assertEquals("18.49", day.get(0).get("totalPaidAmount").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void sameExternalIdWithANewKeyAnswersTheFirstSale(String db) {
        Org o = org(db);
        String body = guideBody(o.ids(), "order-88", "18.49");
        ApiClient.Response first = o.push(body, UUID.randomUUID().toString());
        assertEquals(201, first.status(), first.body());
        ApiClient.Response second = o.push(body, UUID.randomUUID().toString());
        assertEquals(201, second.status(), second.body());
        assertEquals(first.json().get("saleId"), second.json().get("saleId"));
        assertEquals(1, o.day().size());
        ApiClient.Response keyless = o.push(body);
        assertEquals(first.json().get("saleId"), keyless.json().get("saleId"), keyless.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void sameExternalIdInAnotherChannelIsAnotherSale(String db) {
        Org o = org(db);
        String other = o.owner().post("/orgManagement/orgs/" + o.ids().orgId() + "/properties/" + o.ids().propertyId()
                + "/salesChannels", Map.of("brandId", o.ids().brandId(), "salesChannelType", "ExternalApp",
                "name", "Marketplace")).json().get("data").get("salesChannelId").asText();
        assertEquals(200, o.owner().post("/menuManagement/orgs/" + o.ids().orgId() + "/menus/" + o.ids().menuId()
                + "/revisions/1/publish", Map.of("salesChannelIds", List.of(other))).status());
        String body = guideBody(o.ids(), "order-99", "18.49");
        ApiClient.Response first = o.push(body);
        ApiClient.Response elsewhere = o.push(body.replace(o.ids().salesChannelId(), other));
        assertEquals(201, elsewhere.status(), elsewhere.body());
        assertTrue(!first.json().get("saleId").equals(elsewhere.json().get("saleId")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void pushWithNeitherKeyNorExternalIdIsRefused(String db) {
        Org o = org(db);
        ApiClient.Response r = o.push(guideBody(o.ids(), "x", "18.49").replace("\"externalId\": \"x\",", ""));
        assertEquals(400, r.status(), r.body());
        assertTrue(r.json().get("detail").asText().contains("externalId"), r.body());
        assertEquals(0, o.day().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void paymentsThatDifferFromTheTotalAreKeptAsAMismatch(String db) throws Exception {
        Org o = org(db);
        ApiClient.Response r = o.push(guideBody(o.ids(), "order-mismatch", "18.49"));
        assertEquals(201, r.status(), r.body());
        String saleId = r.json().get("saleId").asText();
        JsonNode detail = o.detail(saleId);
        assertEquals("18.49", detail.get("payments").get(0).get("amount").asText(), "kept as sent");
        assertEquals("0.50", detail.get("paymentMismatch").asText());
        JsonNode header = o.day().get(0);
        assertEquals("17.99", header.get("totalSaleAmount").asText());
        assertEquals("18.49", header.get("totalPaidAmount").asText());
        assertEquals("0.50", header.get("paymentMismatch").asText());

        String org = o.ids().orgId();
        JsonNode check = o.owner().get("/backoffice/v1/orgs/" + org
                + "/analytics/reconciliation?fromDate=2025-10-28&toDate=2025-10-28").json();
        assertEquals(0, check.get("mismatches").size(), "the lines add up to the header");
        JsonNode kept = check.get("paymentMismatches").get(0);
        assertEquals(saleId, kept.get("saleId").asText());
        assertEquals("0.50", kept.get("amount").asText());

        JsonNode job = Jobs.run(o.owner(), org, "analytics-export", Map.of("fromDate", "2025-10-28",
                "toDate", "2025-10-28"));
        assertEquals("completed", job.get("status").asText(), job.toString());
        String csv = o.owner().get(Jobs.path(org) + "/" + job.get("jobId").asText() + "/result/sales.csv").body();
        CSVRecord row = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords().get(0);
        assertEquals("0.50", row.get("paymentMismatch"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void balancedSaleHasNoMismatch(String db) {
        Org o = org(db);
        String saleId = o.push(guideBody(o.ids(), "order-even", "17.99")).json().get("saleId").asText();
        assertEquals("0.00", o.detail(saleId).get("paymentMismatch").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void negativeAndPositiveRefundsAreStoredAlike(String db) {
        Org o = org(db);
        String[] saleIds = new String[2];
        String[] signs = {"-2.00", "2.00"};
        for (int i = 0; i < 2; i++) {
            Map<String, Object> sale = Sales.simple(o.ids(), "2025-10-28T12:00:00Z", "3.00");
            sale.put("payments", List.of(Sales.payment("Sale", "Cash", "3.00", "2025-10-28T12:00:00Z"),
                    Sales.payment("Refund", "Cash", signs[i], "2025-10-28T12:10:00Z")));
            ApiClient.Response r = o.owner().post("/salesManagement/orgs/" + o.ids().orgId() + "/sales", sale,
                    "x-idempotency-key", UUID.randomUUID().toString());
            assertEquals(201, r.status(), r.body());
            saleIds[i] = r.json().get("saleId").asText();
        }
        for (String saleId : saleIds) {
            JsonNode refund = o.detail(saleId).get("payments").get(1);
            assertEquals("Refund", refund.get("type").asText());
            assertEquals("2.00", refund.get("amount").asText(), "stored as the amount given back");
        }
        for (JsonNode header : o.day()) {
            assertEquals("2.00", header.get("totalRefunds").asText());
            assertEquals("3.00", header.get("totalPaidAmount").asText());
            assertEquals("-2.00", header.get("paymentMismatch").asText());
        }
    }
}
