package io.brigade.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SalePayment;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
                + "\"paidAt\":\"2025-10-28T14:30:00Z\"}", written);
        assertEquals("1.00", Json.mapper().readTree("{\"a\":1.00}").get("a").asText());
    }
}
