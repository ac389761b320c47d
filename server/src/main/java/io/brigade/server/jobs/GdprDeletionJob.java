package io.brigade.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.server.db.Database;
import io.brigade.server.org.OrgRepository;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * {@code gdpr-shop-deletion}: erases the personal data held on sales, either of a whole shop
 * ({@code propertyId}) or of one customer ({@code customerId}, {@code customerEmail} and/or
 * {@code customerPhone}). Totals, lines and times stay, so the sales still count in analytics.
 * Works day by day, in batches; a day's last batch commits with the checkpoint, so a rerun continues
 * with the next day (erasing again is harmless).
 */
public final class GdprDeletionJob implements JobHandler {
    private static final int BATCH = 200;

    private final Database database;
    private final OrgRepository orgs;
    private final PersonalDataRepository personalData;

    public GdprDeletionJob(Database database, OrgRepository orgs, PersonalDataRepository personalData) {
        this.database = database;
        this.orgs = orgs;
        this.personalData = personalData;
    }

    @Override
    public String type() {
        return "gdpr-shop-deletion";
    }

    @Override
    public JsonNode validate(String orgId, Params p) {
        p.allowOnly(Set.of("propertyId", "customerId", "customerEmail", "customerPhone"));
        String propertyId = p.string("propertyId", false);
        String customerId = p.string("customerId", false);
        String email = p.string("customerEmail", false);
        String phone = p.string("customerPhone", false);
        boolean customer = customerId != null || email != null || phone != null;
        if (propertyId == null && !customer) {
            p.error("propertyId", "name the shop (propertyId) or the customer (customerId, customerEmail or "
                    + "customerPhone) whose personal data to erase");
        } else if (propertyId != null && customer) {
            p.error("propertyId", "give either a shop or a customer, not both");
        } else if (propertyId != null
                && database.read(c -> orgs.findProperty(c, orgId, propertyId)).isEmpty()) {
            p.error("propertyId", "no property " + propertyId + " in this org");
        }
        return p.object();
    }

    @Override
    public JsonNode run(JobContext ctx) {
        JsonNode params = ctx.parameters();
        PersonalDataRepository.Subject subject = new PersonalDataRepository.Subject(text(params, "propertyId"),
                text(params, "customerId"), text(params, "customerEmail"),
                phone(text(params, "customerPhone")));
        JsonNode checkpoint = ctx.checkpoint();
        LocalDate doneThrough = checkpoint == null ? null : LocalDate.parse(checkpoint.get("doneThrough").asText());
        int done = checkpoint == null ? 0 : checkpoint.path("erased").asInt();
        LocalDate[] range = database.read(c -> personalData.dateRange(c, ctx.orgId(), subject));
        if (range != null) {
            long days = ChronoUnit.DAYS.between(range[0], range[1]) + 1;
            LocalDate first = doneThrough == null ? range[0] : doneThrough.plusDays(1);
            for (LocalDate day = first; !day.isAfter(range[1]); day = day.plusDays(1)) {
                LocalDate d = day;
                List<String> ids = database.read(c -> personalData.salesOn(c, ctx.orgId(), subject, d));
                int percent = (int) (100 * (ChronoUnit.DAYS.between(range[0], d) + 1) / days);
                for (int i = 0; i < ids.size() || i == 0; i += BATCH) {
                    List<String> batch = ids.subList(Math.min(i, ids.size()), Math.min(ids.size(), i + BATCH));
                    boolean lastOfDay = i + BATCH >= ids.size();
                    int before = done;
                    done += database.inTransaction(c -> {
                        int n = personalData.erase(c, ctx.orgId(), batch);
                        if (lastOfDay) {
                            // The day is finished in the same transaction as its last batch.
                            ObjectNode cp = JsonNodeFactory.instance.objectNode();
                            cp.put("doneThrough", d.toString());
                            cp.put("erased", before + n);
                            ctx.checkpoint(c, percent, cp);
                        }
                        return n;
                    });
                }
                ctx.afterCommit(percent);
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("salesAnonymised", done);
        result.put("scope", subject.propertyId() != null ? "shop" : "customer");
        return result;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    // Phone numbers are stored without a leading '+' (see Customer).
    private static String phone(String p) {
        return p == null ? null : p.startsWith("+") ? p.substring(1) : p;
    }
}
