package io.brigade.server.sales;

import io.brigade.protocol.sales.SaleHeader;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.server.analytics.SaleRollups;
import io.brigade.server.availability.SnoozeCheck;
import io.brigade.server.cache.CacheVersionRepository;
import io.brigade.server.db.DataAccessException;
import io.brigade.server.inventory.StockDecrement;
import io.brigade.server.kitchen.KitchenTickets;
import io.brigade.server.webhooks.WebhookOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a sale is stored: every step, in its order, in one place. A new sale was validated before, on its
 * request's own thread ({@link SaleIntake}: shape, field sizes, channel, menu revision, sums); what is left needs
 * the batch's transaction, and each step runs once for all the sales of a batch ({@link SaleBatcher}).
 */
public final class SaleSteps {
    private final SaleRepository sales;
    private final SnoozeCheck snoozes;
    private final StockDecrement stock;
    private final KitchenTickets kitchen;
    private final WebhookOutbox outbox;
    private final SaleRollups rollups;
    private final CacheVersionRepository cacheVersions;
    private final TillSaleRules tillRules;

    public SaleSteps(SaleRepository sales, SnoozeCheck snoozes, StockDecrement stock, KitchenTickets kitchen,
                     WebhookOutbox outbox, SaleRollups rollups, CacheVersionRepository cacheVersions) {
        this(sales, snoozes, stock, kitchen, outbox, rollups, cacheVersions, TillSaleRules.NONE);
    }

    public SaleSteps(SaleRepository sales, SnoozeCheck snoozes, StockDecrement stock, KitchenTickets kitchen,
                     WebhookOutbox outbox, SaleRollups rollups, CacheVersionRepository cacheVersions,
                     TillSaleRules tillRules) {
        this.tillRules = tillRules;
        this.sales = sales;
        this.snoozes = snoozes;
        this.stock = stock;
        this.kitchen = kitchen;
        this.outbox = outbox;
        this.rollups = rollups;
        this.cacheVersions = cacheVersions;
    }

    /**
     * Stores {@code batch} in its order, each step once for all of it. Returns the sales the snooze check
     * refused, by sale id; nothing of them is written. Throws when any step fails or refuses a sale on its own
     * ({@link KeyAlreadyUsed}, a short v1 order): the caller then rolls everything back and stores the sales one
     * by one, so that what fails, fails for its own sale only.
     */
    Map<String, RuntimeException> storeNew(Connection c, List<NewSale> batch) throws SQLException {
        // 1. Snoozes: a sale of a snoozed item, or on a snoozed channel, is refused. It only reads, and it runs for
        //    the whole batch before any stock moves, as it would for each sale written alone.
        Map<String, RuntimeException> refused = snoozes.refusals(c, records(batch));
        List<NewSale> accepted = new ArrayList<>(batch.size());
        for (NewSale sale : batch) {
            if (!refused.containsKey(sale.record().saleId())) {
                accepted.add(sale);
            }
        }
        if (accepted.isEmpty()) {
            return refused;
        }
        List<SaleRecord> records = records(accepted);
        // 2. Idempotency keys, with the answer a retry gets, and the partners' references (externalId), unique
        //    within their channel. A key or reference used before (a retry whose answer was lost) fails the
        //    insert: the pusher is answered with the sale stored the first time.
        claimKeys(c, accepted);
        // 2b. The store's rules for its tills' sales: a discount above its limit carries a manager's approval
        //     (used up here), a voucher is on its list (a use counted here). May refuse a sale on its own.
        for (SaleRecord r : records) {
            tillRules.check(c, r);
        }
        // 3. Stock of tracked items, in the sales' order: may refuse a short v1 order, may sell an item out
        //    (which snoozes it, and a later sale in the batch holding it makes this throw).
        stock.decrement(c, records);
        // 4. The sale rows: header, items, charges, discounts, payments.
        sales.insertAll(c, records);
        // 5. Kitchen tickets.
        KitchenTickets.NewTickets tickets = kitchen.addTickets(c, records);
        // 6. Webhook outbox: sale.created.v1 for the subscriptions that want it.
        outbox.announceSales(c, records);
        // 7. The server's own order_placed events, their sale keys claimed.
        SaleRollups.NewSales facts = rollups.recordNewSales(c, records);
        // Last, rows that every batch of an org shares: each stays locked from its update until the commit, so the
        // next batch, written meanwhile, waits only at its own end. Always in this order (as a status change takes
        // them too): kitchen sequence, rollups, cache versions.
        // 8. The kitchen's event numbers, and the tickets' ticket-created events.
        kitchen.appendTicketEvents(c, tickets);
        // 9. Analytics rollups.
        rollups.addToRollups(c, facts);
        // 10. The orgs' cache versions: every node's cached v1 answers (orders, stock) of these orgs are out of
        //     date from this commit on.
        cacheVersions.bump(c, orgIds(records));
        return refused;
    }

    /**
     * How a stored sale's status change is recorded, in the change's transaction ({@code reported} as the caller
     * named it; {@code reportedByPos} when it came as a POS status).
     */
    void statusChanged(Connection c, String orgId, SaleHeader after, SaleStatus before, String reported,
                       boolean reportedByPos) throws SQLException {
        kitchen.statusChanged(c, orgId, after, before);
        outbox.announceStatusChange(c, orgId, after, reported, reportedByPos);
        rollups.statusChanged(c, orgId, after, before);
        cacheVersions.bump(c, List.of(orgId));
    }

    /**
     * How a refund given after the sale is recorded, in its transaction (its payment line written before): the
     * sales.refunded.v1 event, the analytics rollups of the sale's day, the org's cache version.
     */
    void refunded(Connection c, String orgId, SaleHeader after, String refundId, java.math.BigDecimal amount,
                  String paymentMethod, String reason, java.time.Instant at) throws SQLException {
        outbox.announceRefund(c, orgId, after, refundId, amount, paymentMethod, reason, at);
        rollups.refunded(c, orgId, after, amount);
        cacheVersions.bump(c, List.of(orgId));
    }

    private void claimKeys(Connection c, List<NewSale> batch) throws SQLException {
        List<SaleRepository.NewKey> keys = new ArrayList<>(batch.size());
        for (NewSale s : batch) {
            SaleRecord r = s.record();
            keys.add(new SaleRepository.NewKey(r.orgId(), s.idempotencyKey(), s.requestHash(), r.saleId(), 201,
                    s.answer(), r.createdAt()));
        }
        List<SaleRepository.NewExternalId> references = new ArrayList<>();
        for (NewSale s : batch) {
            SaleRecord r = s.record();
            String externalId = r.sale().externalId();
            if (externalId != null && !externalId.isBlank()) {
                references.add(new SaleRepository.NewExternalId(r.orgId(), r.sale().salesChannelId(), externalId,
                        r.saleId(), s.idempotencyKey()));
            }
        }
        try {
            sales.insertIdempotency(c, keys);
            if (!references.isEmpty()) {
                sales.insertExternalIds(c, references);
            }
        } catch (SQLException e) {
            if (DataAccessException.isUniqueViolation(e)) {
                throw new KeyAlreadyUsed();
            }
            throw e;
        }
    }

    private static java.util.Set<String> orgIds(List<SaleRecord> records) {
        java.util.Set<String> orgs = new java.util.TreeSet<>();
        for (SaleRecord r : records) {
            orgs.add(r.orgId());
        }
        return orgs;
    }

    private static List<SaleRecord> records(List<NewSale> batch) {
        List<SaleRecord> records = new ArrayList<>(batch.size());
        for (NewSale s : batch) {
            records.add(s.record());
        }
        return records;
    }

    /**
     * The idempotency key or the channel's external id of a sale was used before: the sale is a retry, answered
     * with what was stored then.
     */
    static final class KeyAlreadyUsed extends RuntimeException {
        KeyAlreadyUsed() {
            super("the idempotency key was used before", null, false, false);
        }
    }
}
