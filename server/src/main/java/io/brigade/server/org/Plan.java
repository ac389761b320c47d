package io.brigade.server.org;

import io.brigade.server.domain.ForbiddenException;
import java.util.Arrays;
import java.util.List;

/** An org's billing plan; features unlock at a minimum plan (FoodFlex tiers). */
public enum Plan {
    FREE("Free", List.of()),
    PROFESSIONAL("Professional", List.of(Features.JOBS)),
    ENTERPRISE("Enterprise", List.of(Features.PUBLIC_API, Features.API_KEYS, Features.WEBHOOKS, Features.ANALYTICS));

    /** The names of gated features, as refusals and the plan read name them. */
    public static final class Features {
        public static final String JOBS = "Background jobs";
        public static final String PUBLIC_API = "The public API";
        public static final String API_KEYS = "API keys";
        public static final String WEBHOOKS = "Webhooks";
        public static final String ANALYTICS = "Analytics";

        private Features() {
        }
    }

    private final String wireName;
    private final List<String> unlocks;

    Plan(String wireName, List<String> unlocks) {
        this.wireName = wireName;
        this.unlocks = unlocks;
    }

    /** The features this plan adds to the plans below it. */
    public List<String> unlocks() {
        return unlocks;
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
