package io.brigade.protocol.org;

/**
 * An org's billing plan as the back office reads and changes it: {@code plan} is Free, Professional or
 * Enterprise; {@code analyticsEnabled} is the owner's switch (left as it is when a change omits it).
 */
public record OrgPlan(String plan, Boolean analyticsEnabled) {
}
