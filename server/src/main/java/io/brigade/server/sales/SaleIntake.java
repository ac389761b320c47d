package io.brigade.server.sales;

import io.brigade.protocol.sales.Customer;
import io.brigade.protocol.sales.Delivery;
import io.brigade.protocol.sales.PaymentType;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SalePayment;
import io.brigade.protocol.sales.SaleStatus;
import io.brigade.server.domain.Validation;
import io.brigade.server.menus.Catalog;
import io.brigade.server.menus.MenuService;
import io.brigade.server.org.OrgRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Turns a pushed sale into a {@link SaleRecord}: shape, channel, menu revision, modifiers and sums
 * checked, then ids, business date and totals assigned. The live path ({@link SaleService}) and the
 * historical import ({@link SaleImport}) both go through here, so they accept and store the same sales.
 */
final class SaleIntake {
    private final OrgRepository orgs;
    private final MenuService menuService;
    private final SaleIds saleIds;

    SaleIntake(OrgRepository orgs, MenuService menuService, SaleIds saleIds) {
        this.orgs = orgs;
        this.menuService = menuService;
        this.saleIds = saleIds;
    }

    /** Validates (throwing InvalidInputException) and assigns the server-owned fields; {@code now} is the storing time. */
    SaleRecord validate(Connection c, String orgId, Sale raw, Instant now) throws SQLException {
        SaleValidator.checkShape(raw);
        Sale sale = normalise(raw);
        Validation v = new Validation();
        Optional<OrgRepository.ChannelInZone> channel = orgs.findChannelInZone(c, orgId, sale.salesChannelId());
        if (channel.isEmpty()) {
            v.error("salesChannelId", "no sales channel " + sale.salesChannelId() + " in this org");
            v.throwIfUnprocessable();
        }
        long revisionId = SaleValidator.parseRevision(sale.menuRevisionId());
        Optional<Catalog> catalog = menuService.catalog(c, orgId, sale.menuId(), revisionId);
        if (catalog.isEmpty()) {
            v.error("menuRevisionId", "menu " + sale.menuId() + " has no revision " + sale.menuRevisionId());
        } else if (!menuService.wasPublishedTo(c, sale.menuId(), sale.salesChannelId())) {
            v.error("menuId", "menu " + sale.menuId() + " was never published to sales channel "
                    + sale.salesChannelId());
        } else {
            SaleValidator.checkAgainstMenu(sale, catalog.get(), v);
        }
        SaleRecord.Totals totals = SaleValidator.totals(sale);
        SaleValidator.checkTotals(totals, v);
        v.throwIfUnprocessable();

        String propertyId = channel.get().channel().propertyId();
        String timeZone = channel.get().timeZone();
        Instant occurred = sale.requestedFulfillmentTime() == null ? now : sale.requestedFulfillmentTime();
        LocalDate businessDate = LocalDate.ofInstant(occurred, ZoneId.of(timeZone));
        String saleId = saleIds.next();
        String displayId = sale.displayId() != null && !sale.displayId().isBlank()
                ? sale.displayId().strip() : saleId.substring(saleId.length() - 5);
        return new SaleRecord(sale, saleId, orgId, propertyId, displayId, revisionId, occurred,
                businessDate, now, occurred, totals, SaleStatus.SALE_CREATED);
    }

    /**
     * Drops server-owned fields a client sent, stores refunds as positive amounts, keeps the customer's phone number as its digits and rounds
     * delivery coordinates to the 7 decimals (about 1 cm) the database keeps.
     */
    static Sale normalise(Sale s) {
        Customer c = s.customer();
        if (c != null && c.phoneNumber() != null) {
            String digits = c.phoneNumber().replaceAll("[^0-9]", "");
            c = new Customer(c.id(), c.name(), digits, c.emailAddress(), c.externalId());
        }
        Delivery d = s.delivery();
        if (d != null && d.location() != null && d.location().coordinates() != null) {
            Delivery.Coordinates at = d.location().coordinates();
            d = new Delivery(d.deliveredBy(), d.notes(), new Delivery.Location(d.location().countryCode(),
                    d.location().addressFields(), new Delivery.Coordinates(sevenPlaces(at.latitude()),
                    sevenPlaces(at.longitude()))));
        }
        return new Sale(s.salesChannelId(), s.source(), s.requestedFulfillmentTime(), s.desiredAsap(),
                s.dispatchType(), s.externalId(), s.displayId(), s.menuId(), s.menuRevisionId().strip(), c,
                s.dineIn(), d, s.items(), s.charges(), s.discounts(), refundsPositive(s.payments()), s.metadata(),
                null, null, null);
    }

    // A refund is stored one way, as the positive amount given back, whichever sign it was pushed with.
    private static java.util.List<SalePayment> refundsPositive(java.util.List<SalePayment> payments) {
        if (payments == null) {
            return null;
        }
        return payments.stream().map(p -> p != null && p.type() == PaymentType.Refund && p.amount() != null
                && p.amount().signum() < 0 ? new SalePayment(p.type(), p.paymentMethod(), p.amount().negate(),
                p.paidAt(), p.description1()) : p).toList();
    }

    private static BigDecimal sevenPlaces(BigDecimal degrees) {
        return degrees == null || degrees.scale() <= 7 ? degrees : degrees.setScale(7, RoundingMode.HALF_UP);
    }
}
