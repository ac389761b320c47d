package io.brigade.desktop.till;

import io.brigade.protocol.sales.PaymentMethod;
import java.math.BigDecimal;

/** One payment taken: {@code amount} goes against the bill; for cash, {@code tendered} is what was handed over. */
public record Tender(PaymentMethod method, BigDecimal amount, BigDecimal tendered) {
    public BigDecimal change() {
        return tendered.subtract(amount);
    }
}
