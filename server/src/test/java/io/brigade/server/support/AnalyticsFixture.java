package io.brigade.server.support;

import io.brigade.server.bootstrap.DemoBootstrap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-computed analytics fixture on a demo org (Europe/Dublin, UTC+1 in May), whose figures
 * AnalyticsViewsTest checks one by one:
 * <pre>
 * A 2026-05-06 12:30 local  2 x Margherita 11.50 + Mozzarella 1.50 (26.00), Cola 3.00; Spot discount 2.90
 *                           -> paid 26.10
 * B 2026-05-06 19:15 local  Classic burger 12.00 + Sweet potato fries 1.00; Service charge 1.00;
 *                           paid 20.00 cash, refunded 6.00
 * C 2026-05-07 13:00 local  Margherita + Mushrooms + Rocket (13.30), 2 x Sparkling water (5.00) (to be cancelled)
 * D 2026-05-07 20:00 local  Margherita 11.50, Voucher 10.00 -> paid 1.50
 * </pre>
 * The sale bodies come without an externalId: each test says whose reference they carry.
 */
public final class AnalyticsFixture {
    private AnalyticsFixture() {
    }

    /** Sales A, B, C and D by name, in that order. */
    public static Map<String, Map<String, Object>> sales(DemoBootstrap.Result ids) {
        String margherita = ids.menuItemIds().get(0);
        String burger = ids.menuItemIds().get(4);
        String water = ids.menuItemIds().get(8);
        String cola = ids.menuItemIds().get(9);
        String mozzarella = ids.modifierItemIds().get(0);
        String mushrooms = ids.modifierItemIds().get(1);
        String rocket = ids.modifierItemIds().get(3);
        String sweetPotato = ids.modifierItemIds().get(6);
        Map<String, Map<String, Object>> sales = new LinkedHashMap<>();
        sales.put("A", sale(ids, "2026-05-06T11:30:00Z",
                List.of(Sales.item(margherita, 2, "11.50", List.of(Sales.item(mozzarella, 1, "1.50", List.of()))),
                        Sales.item(cola, 1, "3.00", List.of())),
                List.of(), List.of(Sales.amount("Spot", "2.90", null)),
                List.of(Sales.payment("Sale", "Credit", "26.10", "2026-05-06T11:30:00Z"))));
        sales.put("B", sale(ids, "2026-05-06T18:15:00Z",
                List.of(Sales.item(burger, 1, "12.00", List.of(Sales.item(sweetPotato, 1, "1.00", List.of())))),
                List.of(Sales.amount("Service", "1.00", null)), List.of(),
                List.of(Sales.payment("Sale", "Cash", "20.00", "2026-05-06T18:15:00Z"),
                        Sales.payment("Refund", "Cash", "6.00", "2026-05-06T18:20:00Z"))));
        sales.put("C", sale(ids, "2026-05-07T12:00:00Z",
                List.of(Sales.item(margherita, 1, "11.50", List.of(Sales.item(mushrooms, 1, "1.00", List.of()),
                                Sales.item(rocket, 1, "0.80", List.of()))),
                        Sales.item(water, 2, "2.50", List.of())),
                List.of(), List.of(), List.of(Sales.payment("Sale", "Cash", "18.30", "2026-05-07T12:00:00Z"))));
        sales.put("D", sale(ids, "2026-05-07T19:00:00Z",
                List.of(Sales.item(margherita, 1, "11.50", List.of())),
                List.of(), List.of(Sales.amount("Voucher", "10.00", "LOSS")),
                List.of(Sales.payment("Sale", "Cash", "1.50", "2026-05-07T19:00:00Z"))));
        return sales;
    }

    private static Map<String, Object> sale(DemoBootstrap.Result ids, String time, List<Map<String, Object>> items,
                                            List<Map<String, Object>> charges, List<Map<String, Object>> discounts,
                                            List<Map<String, Object>> payments) {
        Map<String, Object> sale = Sales.simple(ids, time, "1.00");
        sale.put("items", items);
        sale.put("charges", charges);
        sale.put("discounts", discounts);
        sale.put("payments", payments);
        return sale;
    }
}
