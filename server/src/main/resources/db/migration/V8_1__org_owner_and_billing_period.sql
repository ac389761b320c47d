-- Who owns an org (a person or company that may hold several orgs). Tenant migration moves a
-- property only between orgs with the same owner. NULL until set; an org without an owner moves nothing.
ALTER TABLE orgs ADD COLUMN owner_id VARCHAR(100);
-- Billing: the current plan runs until plan_period_end; pending_plan (if any) takes over at that time.
ALTER TABLE orgs ADD COLUMN plan_period_end TIMESTAMP WITH TIME ZONE;
ALTER TABLE orgs ADD COLUMN pending_plan VARCHAR(20);
CREATE INDEX orgs_owner ON orgs (owner_id);
CREATE INDEX orgs_plan_period_end ON orgs (plan_period_end);

-- Each processed period end, so a rerun of subscription-process cannot renew or downgrade twice.
CREATE TABLE plan_changes (
    org_id     VARCHAR(40) NOT NULL REFERENCES orgs (org_id),
    period_end TIMESTAMP WITH TIME ZONE NOT NULL,
    old_plan   VARCHAR(20) NOT NULL,
    new_plan   VARCHAR(20) NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, period_end)
);
