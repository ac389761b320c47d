package io.brigade.desktop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How the dashboard writes money, counts and rates. */
class FiguresTest {

    @Test
    void moneyIsGroupedInTheMenusCurrencyAndRoundedHalfUpToCents() {
        Figures euro = new Figures("EUR");
        assertEquals("€1,234,567.01", euro.money(new BigDecimal("1234567.005")));
        assertEquals("-€3.20", euro.money(new BigDecimal("-3.2")));
        assertEquals("£0.00", new Figures("GBP").money(BigDecimal.ZERO));
        assertEquals("–", euro.money(null), "no average without orders");
        assertEquals("CHF\u00a012.50", new Figures("CHF").money(new BigDecimal("12.5")));
    }

    @Test
    void countsAndRatesReadAtAGlance() {
        Figures f = new Figures("EUR");
        assertEquals("12,045", f.count(12045));
        assertEquals("74.8%", f.percent(new BigDecimal("74.80")));
        assertEquals("-68%", f.percent(new BigDecimal("-68.00")));
        assertEquals("–", f.percent(null));
    }
}
