package io.brigade.server.support;

import io.brigade.server.bootstrap.DemoBootstrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds sale bodies as integrators write them: plain JSON maps, not our own records. */
public final class Sales {
    private Sales() {
    }

    /** A one-item TakeAway sale of a drink (no modifiers) paid in cash, at {@code price}. */
    public static Map<String, Object> simple(DemoBootstrap.Result ids, String time, String price) {
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("salesChannelId", ids.salesChannelId());
        sale.put("source", "POS");
        sale.put("requestedFulfillmentTime", time);
        sale.put("desiredAsap", true);
        sale.put("dispatchType", "TakeAway");
        sale.put("menuId", ids.menuId());
        sale.put("menuRevisionId", ids.menuRevisionId());
        sale.put("items", new ArrayList<>(List.of(item(ids.menuItemIds().get(8), 1, price, List.of()))));
        sale.put("charges", new ArrayList<>());
        sale.put("discounts", new ArrayList<>());
        sale.put("payments", new ArrayList<>(List.of(payment("Sale", "Cash", price, time))));
        return sale;
    }

    public static Map<String, Object> item(String menuItemId, int quantity, String unitPrice,
                                           List<Map<String, Object>> modifiers) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("menuItemId", menuItemId);
        item.put("quantity", quantity);
        item.put("unitPrice", new java.math.BigDecimal(unitPrice));
        item.put("modifierItems", modifiers);
        return item;
    }

    public static Map<String, Object> payment(String type, String method, String amount, String paidAt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("paymentMethod", method);
        p.put("amount", new java.math.BigDecimal(amount));
        p.put("paidAt", paidAt);
        return p;
    }

    /** A charge or discount line: its {@code type} and {@code amount}, and a discount's {@code code} if not null. */
    public static Map<String, Object> amount(String type, String amount, String code) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", type);
        line.put("amount", new java.math.BigDecimal(amount));
        if (code != null) {
            line.put("code", code);
        }
        return line;
    }
}
