package io.brigade.server.checks;

import static io.brigade.server.checks.CheckFixture.CLASSIC_BURGER;
import static io.brigade.server.checks.CheckFixture.LAGER;
import static io.brigade.server.checks.CheckFixture.MARGHERITA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad operation is refused with a problem naming what is wrong, and changes nothing. */
class CheckBadInputTest {
    private static CheckFixture f;
    private static String check;
    private static Map<String, Object> applied;

    @BeforeAll
    static void aCheckWithASentRound() {
        f = new CheckFixture(TestServer.of("h2"));
        check = UUID.randomUUID().toString();
        f.apply(check, f.open("20", 2));
        f.apply(check, f.add(f.line("pizza", MARGHERITA, 1, 1), f.line("beer", LAGER, 2, 1)));
        applied = f.send(null, false);
        f.apply(check, applied);
    }

    private record Case(String name, int status, String field, Function<CheckFixture, Object> body, String checkId) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Map<String, Object> with(Map<String, Object> op, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            op.put((String) pairs[i], pairs[i + 1]);
        }
        return op;
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("no type", 400, null, x -> Map.of("operationId", "x1"), null));
        cases.add(new Case("an unknown type", 400, null, x -> Map.of("type", "dance", "operationId", "x2"), null));
        cases.add(new Case("no operation id", 400, "operationId", x -> with(CheckFixture.op("bill"), "operationId",
                ""), null));
        cases.add(new Case("an add without lines", 400, "lines", x -> with(CheckFixture.op("add"), "lines",
                List.of()), null));
        cases.add(new Case("an item not on the menu", 422, "lines[0].menuItemId", x -> {
            Map<String, Object> line = x.line("n1", MARGHERITA, 1, 1);
            line.put("menuItemId", "no-such-item");
            return x.add(line);
        }, null));
        cases.add(new Case("a negative price", 400, "lines[0].unitPrice", x -> {
            Map<String, Object> line = x.line("n2", MARGHERITA, 1, 1);
            line.put("unitPrice", new BigDecimal("-1.00"));
            return x.add(line);
        }, null));
        cases.add(new Case("a burger without its side", 422, "lines[0].modifierItems", x -> {
            Map<String, Object> line = x.line("n3", CLASSIC_BURGER, 1, 1);
            line.put("modifierItems", List.of());
            return x.add(line);
        }, null));
        cases.add(new Case("a line id used on the check", 409, "lines[0].lineId",
                x -> x.add(x.line("pizza", MARGHERITA, 1, 1)), null));
        cases.add(new Case("a void of no line", 422, "lineId", x -> with(CheckFixture.op("void"), "lineId", "nope",
                "reason", "x"), null));
        cases.add(new Case("a void of more than is left", 409, "quantity", x -> with(CheckFixture.op("void"),
                "lineId", "beer", "quantity", 2, "reason", "x"), null));
        cases.add(new Case("course 0 fired", 400, "course", x -> with(CheckFixture.op("fire"), "course", 0), null));
        cases.add(new Case("a payment beyond the total", 422, "amount", x -> x.pay(null, "99.00"), null));
        cases.add(new Case("a payment of nothing", 400, "amount", x -> x.pay(null, "0.00"), null));
        cases.add(new Case("a part of a check not split", 422, "partId", x -> x.pay("p1", "1.00"), null));
        cases.add(new Case("a split by items with a line in two parts", 422, "parts[1][0]",
                x -> with(CheckFixture.op("split"), "by", "items", "parts", List.of(List.of("pizza", "beer"),
                        List.of("beer"))), null));
        cases.add(new Case("a split of no kind", 400, "by", x -> with(CheckFixture.op("split"), "by", "halves"),
                null));
        cases.add(new Case("an operation id used for another operation", 422, "operationId",
                x -> with(CheckFixture.op("bill"), "operationId", applied.get("operationId")), null));
        cases.add(new Case("an open of a check that is open", 409, null, x -> x.open("21", 2), null));
        cases.add(new Case("a check id that is no id", 400, "checkId", x -> CheckFixture.op("bill"), "x".repeat(65)));
        cases.add(new Case("an unknown check", 404, null, x -> CheckFixture.op("bill"), "no-such-check"));
        cases.add(new Case("an open in a store of another org", 422, "propertyId",
                x -> with(x.open("22", 2), "propertyId", "another-store"), "new-check-" + UUID.randomUUID()));
        cases.add(new Case("a move to nowhere", 400, "table", x -> CheckFixture.op("move"), null));
        cases.add(new Case("a merge of the check itself", 422, "fromCheckId",
                x -> with(CheckFixture.op("merge"), "fromCheckId", check), null));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aBadOperationIsRefusedAndChangesNothing(Case c) {
        String before = f.check(check).toString();
        long tickets = f.ticketsCreated();
        long sales = f.sales();

        ApiClient.Response r = f.till.post(f.path(c.checkId() == null ? check : c.checkId()), c.body().apply(f));

        assertEquals(c.status(), r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        if (c.field() != null) {
            assertEquals(c.field(), r.json().get("errors").get(0).get("field").asText(), r.body());
        }
        assertEquals(before, f.check(check).toString());
        assertEquals(tickets, f.ticketsCreated());
        assertEquals(sales, f.sales());
    }
}
