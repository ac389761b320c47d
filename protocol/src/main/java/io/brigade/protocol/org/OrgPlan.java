package io.brigade.protocol.org;

import java.util.List;

/**
 * An org's billing plan as the back office reads it: {@code plan} is Free, Professional or Enterprise;
 * {@code analyticsEnabled} is the owner's switch (left as it is when a change omits it); {@code upgrades} are the
 * plans above this one, each with what it unlocks (read only). The plan itself is changed by the operator.
 */
public record OrgPlan(String plan, Boolean analyticsEnabled, List<Upgrade> upgrades) {

    /** A change of the analytics switch only (or a read without the upgrades). */
    public OrgPlan(String plan, Boolean analyticsEnabled) {
        this(plan, analyticsEnabled, null);
    }

    /** A plan above the org's and the features it unlocks. */
    public record Upgrade(String plan, List<String> unlocks) {
    }
}
