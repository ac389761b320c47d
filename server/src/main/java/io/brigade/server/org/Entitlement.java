package io.brigade.server.org;

/** What an org is entitled to: its plan and whether its owner switched analytics on. */
public record Entitlement(Plan plan, boolean analyticsEnabled) {
}
