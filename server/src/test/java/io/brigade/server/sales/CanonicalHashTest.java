package io.brigade.server.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.brigade.protocol.Json;
import io.brigade.server.auth.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request hash behind idempotent replays. Keys stored before the hash was computed straight from
 * the parsed tree must still match, so each body is hashed both ways: the way it was (tree to plain
 * maps, written with sorted keys) and the way it is.
 */
class CanonicalHashTest {
    private static final ObjectMapper BEFORE = Json.newMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"b\":1,\"a\":{\"z\":[3,2,{\"y\":null,\"x\":\"é\"}],\"m\":2.50}}",
        "{\"items\":[{\"unitPrice\":2.50,\"quantity\":1,\"modifiers\":[]}],\"metadata\":null,\"desiredAsap\":true}",
        "{\"n\":1e2,\"big\":12345678901234567890,\"neg\":-0.010,\"s\":\"a\\\"b\\\\c\\n\"}",
        "{\"arr\":[null,1,\"two\",[],{}],\"empty\":{}}",
        "{}",
        "null",
    })
    void hashesAsBefore(String body) throws Exception {
        assertEquals(before(body), SaleService.canonicalHash(body.getBytes(StandardCharsets.UTF_8)), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"b\":2}", "{ \"b\" : 2 ,\n \"a\" : 1 }"})
    void keyOrderAndWhitespaceDoNotMatterButValuesDo(String body) {
        String reference = SaleService.canonicalHash("{\"a\":1,\"b\":2}".getBytes(StandardCharsets.UTF_8));
        assertEquals(reference, SaleService.canonicalHash(body.getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(reference, SaleService.canonicalHash("{\"a\":1,\"b\":3}".getBytes(StandardCharsets.UTF_8)));
    }

    private static String before(String body) throws Exception {
        Object plain = BEFORE.treeToValue(Json.mapper().readTree(body), Object.class);
        return Secrets.sha256Hex(BEFORE.writeValueAsString(plain == null ? Map.of() : plain));
    }
}
