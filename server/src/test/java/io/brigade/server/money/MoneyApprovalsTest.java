package io.brigade.server.money;

import static io.brigade.server.money.MoneyDayTest.approve;
import static io.brigade.server.money.MoneyDayTest.assertMoney;
import static io.brigade.server.money.MoneyDayTest.ok;
import static io.brigade.server.money.MoneyDayTest.pay;
import static io.brigade.server.money.MoneyDayTest.sale;
import static io.brigade.server.money.MoneyDayTest.sellAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.Sales;
import io.brigade.server.support.TestDatabases;
import io.brigade.server.support.TestServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What needs a manager: discounts above the store's limit, vouchers on the list, refunds; and what is recorded. */
class MoneyApprovalsTest {
    private static final MoneyStore STORE = MoneyStore.of("h2");

    private record Till(TestServer.Tenant t, MoneyStore.Till till, String base, String shift) {
    }

    private static Till till() {
        TestServer.Tenant t = STORE.tenant("Approving Bistro");
        MoneyStore.Till till = STORE.pair(t, "Till");
        String base = MoneyStore.store(t);
        String shift = UUID.randomUUID().toString();
        assertEquals(201, till.api().post(base + "/shifts", Map.of("shiftId", shift, "openingFloat",
                new BigDecimal("50.00"))).status());
        return new Till(t, till, base, shift);
    }

    private static Map<String, Object> discounted(Till x, String type, String amount, String code) {
        Map<String, Object> s = sale(x.t(), x.till(), x.shift(), "TakeAway", List.of(Sales.item(
                x.t().ids().menuItemIds().get(0), 1, "12.90", List.of())), null, null, type, amount);
        if (code != null) {
            s.put("discounts", List.of(Sales.amount(type, amount, code)));
        }
        BigDecimal rest = new BigDecimal("12.90").subtract(new BigDecimal(amount));
        if (rest.signum() > 0) {
            pay(s, "Cash", rest.toPlainString());
        }
        return s;
    }

    private static ApiClient.Response push(Till x, Map<String, Object> sale) {
        sale.put("requestedFulfillmentTime", STORE.clock.instant().toString());
        return x.till().api().post("/salesManagement/orgs/" + x.t().ids().orgId() + "/sales", sale,
                "x-idempotency-key", UUID.randomUUID().toString());
    }

    private static long sales(Till x) {
        return TestDatabases.queryLong(STORE.database, "SELECT COUNT(*) FROM sales WHERE org_id = ?", x.t().ids().orgId());
    }

    private static JsonNode audit(Till x) {
        String day = STORE.clock.instant().toString().substring(0, 10);
        return ok(x.t().api().get(x.base() + "/audit?fromDate=" + day + "&toDate=" + day)).get("data");
    }

    @Test
    void aDiscountAboveTheLimitIsRefusedWithoutAManagersApproval() {
        Till x = till();
        ApiClient.Response r = push(x, discounted(x, "Spot", "12.90", null));
        assertEquals(403, r.status(), r.body());
        assertTrue(r.body().contains("needs a manager's approval"), r.body());
        assertEquals(0, sales(x));
    }

    @Test
    void aDiscountAboveTheLimitIsRecordedWithTheManagerWhoApprovedIt() {
        Till x = till();
        String approval = approve(x.till(), x.base(), x.t(), "DISCOUNT", "12.90", "regular's birthday");
        Map<String, Object> sale = discounted(x, "Spot", "12.90", null);
        sale.put("metadata", "{\"shiftId\":\"" + x.shift() + "\",\"staffName\":\"Ana\",\"approvalId\":\""
                + approval + "\"}");
        ApiClient.Response r = push(x, sale);
        assertEquals(201, r.status(), r.body());
        JsonNode audit = audit(x);
        JsonNode discount = find(audit, "DISCOUNT");
        assertEquals("Manager", discount.get("approvedBy").asText(), audit.toString());
        assertEquals("Ana", discount.get("staffName").asText());
        assertEquals("Till", discount.get("deviceName").asText());
        assertMoney("12.90", discount.get("amount"));
        assertEquals("regular's birthday", find(audit, "APPROVAL").get("reason").asText());
        // An approval is for one action.
        Map<String, Object> again = discounted(x, "Spot", "12.90", null);
        again.put("metadata", sale.get("metadata"));
        ApiClient.Response second = push(x, again);
        assertEquals(422, second.status(), second.body());
        assertTrue(second.body().contains("an approval is for one action"), second.body());
    }

    @Test
    void aWrongPinApprovesNothing() {
        Till x = till();
        ApiClient.Response r = x.till().api().post(x.base() + "/approvals", Map.of("action", "DISCOUNT", "amount",
                new BigDecimal("5.00"), "reason", "x", "managerPin", "000000"));
        assertEquals(403, r.status(), r.body());
        assertTrue(!r.body().contains("000000"), r.body());
        assertEquals(0, TestDatabases.queryLong(STORE.database, "SELECT COUNT(*) FROM approvals WHERE org_id = ?",
                x.t().ids().orgId()));
    }

    @Test
    void anApprovalNeedsAReason() {
        Till x = till();
        ApiClient.Response r = x.till().api().post(x.base() + "/approvals", Map.of("action", "DISCOUNT", "amount",
                new BigDecimal("5.00"), "managerPin", x.t().ids().managerPin()));
        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains("\"reason\""), r.body());
    }

    @Test
    void aVoucherIsCheckedAgainstTheListAndCountedOnce() {
        Till x = till();
        String day = STORE.clock.instant().toString().substring(0, 10);
        assertEquals(201, x.t().api().post("/backoffice/v1/orgs/" + x.t().ids().orgId() + "/vouchers", Map.of(
                "code", "WELCOME5", "amount", new BigDecimal("5.00"), "validFrom", day, "validTo", day,
                "maxUses", 1)).status());
        ApiClient.Response unknown = push(x, discounted(x, "Voucher", "5.00", "NOPE"));
        assertEquals(422, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("is not a voucher of this store"), unknown.body());
        ApiClient.Response tooMuch = push(x, discounted(x, "Voucher", "6.00", "WELCOME5"));
        assertEquals(422, tooMuch.status(), tooMuch.body());
        assertTrue(tooMuch.body().contains("is worth 5.00"), tooMuch.body());
        assertMoney("5.00", ok(x.till().api().get(x.base() + "/vouchers/welcome5")).get("amount"));
        assertEquals(201, push(x, discounted(x, "Voucher", "5.00", "WELCOME5")).status());
        ApiClient.Response spent = push(x, discounted(x, "Voucher", "5.00", "WELCOME5"));
        assertEquals(422, spent.status(), spent.body());
        assertEquals(1, sales(x));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "more than was paid|{\"refundId\":\"$ID\",\"amount\":13.00,\"reason\":\"x\",\"approvalId\":\"$A\"}|422|more than what was paid",
            "more of a line than was sold|{\"refundId\":\"$ID\",\"lines\":[{\"line\":1,\"quantity\":2}],\"reason\":\"x\",\"approvalId\":\"$A\"}|422|can still be refunded",
            "a line the sale does not have|{\"refundId\":\"$ID\",\"lines\":[{\"line\":4,\"quantity\":1}],\"reason\":\"x\",\"approvalId\":\"$A\"}|422|there is no line 4",
            "no reason|{\"refundId\":\"$ID\",\"amount\":1.00}|400|reason",
            "an amount with letters|{\"refundId\":\"$ID\",\"amount\":\"1O\",\"reason\":\"x\"}|400|amount",
            "a method the sale was not paid by|{\"refundId\":\"$ID\",\"amount\":1.00,\"paymentMethod\":\"Credit\",\"reason\":\"x\",\"approvalId\":\"$A\"}|422|paymentMethod",
            "no manager's approval|{\"refundId\":\"$ID\",\"amount\":1.00,\"reason\":\"x\"}|403|needs a manager's approval"})
    void aRefundIsRefusedAndChangesNothing(String what, String body, int status, String says) {
        Till x = till();
        Map<String, Object> s = sale(x.t(), x.till(), x.shift(), "TakeAway", List.of(Sales.item(
                x.t().ids().menuItemIds().get(0), 1, "12.90", List.of())), null, null, null, null);
        pay(s, "Cash", "12.90");
        String saleId = sellAt(x.till(), x.t(), s, STORE.clock.instant().toString());
        String approval = approve(x.till(), x.base(), x.t(), "REFUND", null, "customer unhappy");
        String path = "/salesManagement/orgs/" + x.t().ids().orgId() + "/sales/" + saleId + "/refunds";
        ApiClient.Response r = x.till().api().send("POST", path, body.replace("$ID", UUID.randomUUID().toString())
                .replace("$A", approval));
        assertEquals(status, r.status(), r.body());
        assertTrue(r.body().contains(says), r.body());
        assertEquals(0, TestDatabases.queryLong(STORE.database, "SELECT COUNT(*) FROM sale_refunds WHERE org_id = ?",
                x.t().ids().orgId()));
        assertEquals(1, TestDatabases.queryLong(STORE.database, "SELECT COUNT(*) FROM sale_payments WHERE sale_id = ?",
                saleId));
    }

    @Test
    void aCancelledSaleIsNotRefunded() {
        Till x = till();
        Map<String, Object> s = sale(x.t(), x.till(), x.shift(), "TakeAway", List.of(Sales.item(
                x.t().ids().menuItemIds().get(0), 1, "12.90", List.of())), null, null, null, null);
        pay(s, "Cash", "12.90");
        String saleId = sellAt(x.till(), x.t(), s, STORE.clock.instant().toString());
        assertEquals(200, x.till().api().post("/salesManagement/orgs/" + x.t().ids().orgId() + "/sales/" + saleId
                + "/cancel", Map.of("cancellationReason", "rung twice")).status());
        ApiClient.Response r = x.till().api().post("/salesManagement/orgs/" + x.t().ids().orgId() + "/sales/" + saleId
                + "/refunds", Map.of("refundId", UUID.randomUUID().toString(), "reason", "x", "approvalId",
                approve(x.till(), x.base(), x.t(), "REFUND", null, "x")));
        assertEquals(422, r.status(), r.body());
        assertTrue(r.body().contains("was cancelled"), r.body());
        assertEquals(0, TestDatabases.queryLong(STORE.database, "SELECT COUNT(*) FROM sale_refunds WHERE org_id = ?",
                x.t().ids().orgId()));
    }

    @Test
    void aLineRefundIsAPaymentLineOfTheSaleAndARetryRefundsOnce() {
        Till x = till();
        Map<String, Object> s = sale(x.t(), x.till(), x.shift(), "TakeAway", List.of(Sales.item(
                x.t().ids().menuItemIds().get(0), 3, "4.00", List.of())), null, null, null, null);
        pay(s, "Credit", "12.00");
        String saleId = sellAt(x.till(), x.t(), s, STORE.clock.instant().toString());
        Map<String, Object> body = Map.of("refundId", UUID.randomUUID().toString(), "lines", List.of(Map.of("line", 1,
                "quantity", 2)), "reason", "two were cold", "approvalId", approve(x.till(), x.base(), x.t(), "REFUND",
                "8.00", "two were cold"));
        String path = "/salesManagement/orgs/" + x.t().ids().orgId() + "/sales/" + saleId + "/refunds";
        JsonNode first = ok(x.till().api().post(path, body)).get("data");
        JsonNode again = ok(x.till().api().post(path, body)).get("data");
        assertEquals(first, again);
        assertMoney("8.00", first.get("amount"));
        assertEquals("Credit", first.get("paymentMethod").asText());
        assertMoney("4.00", first.get("refundable"));
        JsonNode sale = ok(x.t().api().get("/salesManagement/orgs/" + x.t().ids().orgId() + "/salesChannels/"
                + x.t().ids().salesChannelId() + "/sales/" + saleId)).get("data");
        JsonNode refundLine = sale.get("payments").get(1);
        assertEquals("Refund", refundLine.get("type").asText());
        assertMoney("8.00", refundLine.get("amount"));
        assertEquals("two were cold", find(audit(x), "REFUND").get("reason").asText());
    }

    private static JsonNode find(JsonNode audit, String action) {
        for (JsonNode e : audit) {
            if (action.equals(e.get("action").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + action + " in " + audit);
    }
}
