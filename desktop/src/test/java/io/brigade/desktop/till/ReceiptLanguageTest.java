package io.brigade.desktop.till;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The receipt speaks the language it is rendered in (the store's when printed), not the cashier's. */
class ReceiptLanguageTest {
    private final Receipt receipt = new Receipt("0042", "till-1", "Ana", Instant.parse("2026-12-07T17:30:00Z"), "EUR",
            DispatchType.DineIn, "12", List.of(), new BigDecimal("12.50"), List.of(), new BigDecimal("12.50"),
            List.of(new Tender(PaymentMethod.Cash, new BigDecimal("12.50"), new BigDecimal("20.00"))));

    @Test
    void aGermanReceiptHasGermanWordsAndNumbers() {
        String text = receipt.render(ZoneId.of("Europe/Berlin"), Locale.GERMANY);

        for (String expected : List.of("Bestellung 0042", "Im Haus, Tisch 12", "SUMME", "12,50\u00a0€", "Rückgeld",
                "7,50\u00a0€", "07.12.2026 18:30", "Vielen Dank!")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
    }

    @Test
    void aSpanishReceiptHasSpanishWordsAndNumbers() {
        String text = receipt.render(ZoneId.of("Europe/Madrid"), Locale.forLanguageTag("es-ES"));

        for (String expected : List.of("Pedido 0042", "En sala, mesa 12", "TOTAL", "12,50\u00a0€", "Cambio",
                "¡Gracias!")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
    }
}
