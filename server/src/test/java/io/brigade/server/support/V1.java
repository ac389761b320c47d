package io.brigade.server.support;

import java.util.List;
import java.util.Map;

/** Helpers for /api/v1 tests: a client sending the tenant's API key, and order bodies. */
public final class V1 {
    private V1() {
    }

    public static ApiClient keyClient(TestServer.Tenant t) {
        return new ApiClient(t.api().base()).with("X-API-Key", t.ids().apiKey());
    }

    /** A TakeAway order of {@code quantity} x {@code mealId} from the tenant's menu. */
    public static Map<String, Object> order(TestServer.Tenant t, String mealId, int quantity) {
        return Map.of("menuId", t.ids().menuId(), "dispatchType", "TakeAway",
                "items", List.of(Map.of("mealId", mealId, "quantity", quantity)));
    }
}
