package io.brigade.server.pricing;

import io.brigade.protocol.Data;
import io.brigade.server.Ids;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import io.brigade.server.domain.Validation;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.PublishedMenus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** {@code /backoffice/v1/orgs/{orgId}/pricing-rules}: list, create and delete time-window rules. */
public final class PricingRoutes {
    private static final String RULES = "/backoffice/v1/orgs/{orgId}/pricing-rules";

    private final Database database;
    private final PricingRuleRepository rules;
    private final PublishedMenus menus;
    private final Clock clock;
    private final Consumer<String> afterCommit;

    /** {@code afterCommit} hears the org's id once a change has committed (the v1 cache). */
    public PricingRoutes(Database database, PricingRuleRepository rules, PublishedMenus menus, Clock clock,
                         Consumer<String> afterCommit) {
        this.database = database;
        this.rules = rules;
        this.menus = menus;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /** The create request, as the back office sends it. */
    public record CreateRule(String name, BigDecimal percentOff, List<String> categoryIds, List<String> days,
                             String startTime, String endTime) {
    }

    public void register(Router router) {
        router.get(RULES, Access.manager(), ex -> Reply.ok(new Data<>(database.read(c -> rules.active(c,
                        ex.path("orgId"))))))
                .post(RULES, Access.manager(), this::create)
                .delete(RULES + "/{ruleId}", Access.manager(), this::delete);
    }

    private Reply delete(Exchange ex) {
        String ruleId = ex.path("ruleId");
        if (!database.inTransaction(c -> rules.delete(c, ex.path("orgId"), ruleId, clock.instant()))) {
            throw new NotFoundException("pricing rule " + ruleId);
        }
        afterCommit.accept(ex.path("orgId"));
        return Reply.noContent();
    }

    private Reply create(Exchange ex) throws Exception {
        CreateRule body = ex.json(CreateRule.class);
        Validation v = new Validation();
        v.require(body.name(), "name");
        if (v.require(body.percentOff(), "percentOff") && (body.percentOff().signum() <= 0
                || body.percentOff().compareTo(new BigDecimal("100")) > 0 || body.percentOff().scale() > 2)) {
            v.error("percentOff", "must be more than 0 and at most 100, with at most 2 decimals");
        }
        if (body.categoryIds() == null || body.categoryIds().isEmpty()) {
            v.error("categoryIds", "name at least one category");
        } else {
            for (int i = 0; i < body.categoryIds().size(); i++) {
                v.require(body.categoryIds().get(i), "categoryIds[" + i + "]");
            }
        }
        List<DayOfWeek> days = new ArrayList<>();
        if (body.days() == null || body.days().isEmpty()) {
            v.error("days", "name at least one day, e.g. [\"MONDAY\", \"FRIDAY\"]");
        } else {
            for (int i = 0; i < body.days().size(); i++) {
                try {
                    days.add(DayOfWeek.valueOf(String.valueOf(body.days().get(i)).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    v.error("days[" + i + "]", "must be a day of the week such as MONDAY");
                }
            }
        }
        LocalTime start = time(body.startTime(), "startTime", v);
        LocalTime end = time(body.endTime(), "endTime", v);
        if (start != null && start.equals(end)) {
            v.error("endTime", "must differ from startTime");
        }
        v.throwIfMalformed();
        String orgId = ex.path("orgId");
        PricingRule rule = new PricingRule(Ids.uuid(), body.name().strip(), body.percentOff(),
                List.copyOf(new java.util.LinkedHashSet<>(body.categoryIds())), List.copyOf(new java.util.LinkedHashSet<>(days)),
                start, end);
        database.inTransaction(c -> {
            Set<String> known = new HashSet<>();
            for (PublishedMenus.Published menu : menus.all(c, orgId)) {
                Catalog.nonNull(menu.catalog().content().categories()).forEach(cat -> known.add(cat.id()));
            }
            Validation unknown = new Validation();
            for (int i = 0; i < body.categoryIds().size(); i++) {
                if (!known.contains(body.categoryIds().get(i))) {
                    unknown.error("categoryIds[" + i + "]", "no category " + body.categoryIds().get(i)
                            + " in this org's published menus");
                }
            }
            unknown.throwIfUnprocessable();
            rules.insert(c, orgId, rule, clock.instant());
            return null;
        });
        afterCommit.accept(orgId);
        return Reply.created(rule);
    }

    private static LocalTime time(String value, String field, Validation v) {
        if (!v.require(value, field)) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            v.error(field, "must be a local time as HH:mm");
            return null;
        }
    }
}
