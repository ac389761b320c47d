package io.brigade.desktop.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as an amount typed at the till or in the menu editor. */
class MoneyTest {

    @Test
    void amountsAsPeopleTypeThemParse() {
        assertEquals(Optional.of(new BigDecimal("12.00")), Money.parse("12"));
        assertEquals(Optional.of(new BigDecimal("12.50")), Money.parse(" 12,5 "));
        assertEquals(Optional.of(new BigDecimal("0.99")), Money.parse("0.99"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "+5", "-1", "1.234", "12.", ".5", "1,234.50", "abc", "", " "})
    void anythingElseIsNotAnAmount(String typed) {
        assertTrue(Money.parse(typed).isEmpty(), typed);
    }
}
