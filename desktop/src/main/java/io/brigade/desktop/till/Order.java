package io.brigade.desktop.till;

import io.brigade.desktop.fx.Money;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.SaleCharge;
import io.brigade.protocol.sales.SaleDiscount;
import java.math.BigDecimal;
import java.util.List;

/** A paid ticket, frozen at the moment of "Pay": everything the sale is built from. */
public record Order(DispatchType dispatch, String tableId, Integer guests, List<TicketLine> lines,
                    List<SaleDiscount> discounts, List<SaleCharge> charges, List<Tender> tenders, String menuId,
                    long menuRevisionId, String currency) {

    public BigDecimal subtotal() {
        return lines.stream().map(TicketLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal total() {
        BigDecimal charged = charges.stream().map(SaleCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discounted = discounts.stream().map(SaleDiscount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Money.cents(subtotal().add(charged).subtract(discounted));
    }

    public BigDecimal paid() {
        return tenders.stream().map(Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
