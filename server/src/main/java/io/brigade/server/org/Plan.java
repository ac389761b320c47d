package io.brigade.server.org;

import io.brigade.server.domain.ForbiddenException;
import java.util.Arrays;

/** An org's billing plan; features unlock at a minimum plan (FoodFlex tiers). */
public enum Plan {
    FREE("Free"),
    PROFESSIONAL("Professional"),
    ENTERPRISE("Enterprise");

    private final String wireName;

    Plan(String wireName) {
        this.wireName = wireName;
    }

    /** The name stored in {@code orgs.plan} and shown on the wire. */
    public String wireName() {
        return wireName;
    }

    public static Plan parse(String value) {
        return Arrays.stream(values()).filter(p -> p.wireName.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown plan " + value));
    }

    public boolean atLeast(Plan needed) {
        return compareTo(needed) >= 0;
    }

    /** Refuses with 403 and says what upgrading unlocks when this plan is below {@code needed}. */
    public void require(Plan needed, String feature) {
        if (!atLeast(needed)) {
            throw new ForbiddenException(feature + " needs the " + needed.wireName + " plan or above; this org is on "
                    + wireName + ". Upgrade to " + needed.wireName + " to unlock it.");
        }
    }
}
