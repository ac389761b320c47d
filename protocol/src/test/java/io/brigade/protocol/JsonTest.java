package io.brigade.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;

import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SalePayment;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void moneyKeepsItsCentsBothWays() throws Exception {
        Sale sale = Json.mapper().readValue("{\"payments\":[{\"type\":\"Sale\",\"paymentMethod\":\"Cash\","
                + "\"amount\":16.04,\"paidAt\":\"2025-10-28T14:30:00Z\"}],\"menuRevisionId\":23}", Sale.class);
        SalePayment p = sale.payments().get(0);
        assertEquals(new BigDecimal("16.04"), p.amount());
        assertEquals(Instant.parse("2025-10-28T14:30:00Z"), p.paidAt());
        assertEquals("23", sale.menuRevisionId(), "a numeric revision id is read as the string the spec shows");
        String written = Json.mapper().writeValueAsString(p);
        assertEquals("{\"type\":\"Sale\",\"paymentMethod\":\"Cash\",\"amount\":16.04,"
                + "\"paidAt\":\"2025-10-28T14:30:00Z\",\"description1\":null}", written,
                "documented fields stay, as null");
        assertEquals("1.00", Json.mapper().readTree("{\"a\":1.00}").get("a").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"items\":[{\"quantity\":1.9}]}",
        "{\"items\":[{\"quantity\":\"2\"}]}",
        "{\"dispatchType\":3}",
        "{\"dispatchType\":\"3\"}",
        "{\"desiredAsap\":1}",
        "{\"desiredAsap\":\"true\"}",
        "{\"requestedFulfillmentTime\":1e300}",
        "{\"requestedFulfillmentTime\":\"+999999999-01-01T00:00:00Z\"}",
        "{\"requestedFulfillmentTime\":\"2025-10-28T14:30:00\"}",
        "{\"payments\":[{\"amount\":1e400}]}",
        "{\"payments\":[{\"amount\":1e-400}]}",
        "{\"payments\":[{\"amount\":\"12.50\"}]}",
        "{\"dispatchType\":\"Delivery\"} {}"})
    void laxInputIsRefused(String json) {
        assertThrows(JsonMappingException.class, () -> Json.mapper().readValue(json, Sale.class));
    }

    @Test
    void anOffsetTimeIsReadAsItsInstant() throws Exception {
        Sale sale = Json.mapper().readValue("{\"requestedFulfillmentTime\":\"2025-10-28T15:30:00+01:00\"}",
                Sale.class);
        assertEquals(Instant.parse("2025-10-28T14:30:00Z"), sale.requestedFulfillmentTime());
    }
}
