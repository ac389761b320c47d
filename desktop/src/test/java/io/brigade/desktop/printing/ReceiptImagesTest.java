package io.brigade.desktop.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brigade.desktop.till.Order;
import io.brigade.desktop.till.PricedItem;
import io.brigade.desktop.till.Tender;
import io.brigade.desktop.till.TicketLine;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.PricingProfile;
import io.brigade.protocol.sales.ChargeType;
import io.brigade.protocol.sales.DiscountType;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.SaleCharge;
import io.brigade.protocol.sales.SaleDiscount;
import io.brigade.protocol.store.StoreSettings;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same receipt in the store's language: German and Spanish words, money and dates, rendered to an image as
 * the printer puts it on paper (written to {@code target/receipts/} for people to look at).
 */
class ReceiptImagesTest {
    static final UUID SALE = UUID.fromString("7f8e2d1c-5b4a-4c3d-9e2f-1a0b9c8d7e6f");

    static Order order(String locale) {
        boolean de = locale.startsWith("de");
        PricedItem schnitzel = item(de ? "Wiener Schnitzel" : "Tortilla de patatas", "18.50", "19");
        PricedItem spritz = item(de ? "Apfelschorle" : "Caña", "3.90", "7");
        TicketLine one = new TicketLine(UUID.randomUUID(), schnitzel, 2, List.of(new TicketLine.Modifier("m1",
                de ? "Preiselbeeren" : "Pimientos", new BigDecimal("1.00"), true)), de ? "ohne Zitrone"
                : "sin cebolla");
        TicketLine two = new TicketLine(UUID.randomUUID(), spritz, 3, List.of(), null);
        BigDecimal subtotal = one.total().add(two.total());
        List<SaleDiscount> discounts = List.of(new SaleDiscount(DiscountType.Voucher, new BigDecimal("5.00"), "WINTER"));
        List<SaleCharge> charges = List.of(new SaleCharge(ChargeType.Tip, new BigDecimal("3.00"), null));
        BigDecimal total = subtotal.subtract(new BigDecimal("5.00")).add(new BigDecimal("3.00"));
        return new Order(DispatchType.DineIn, "12", 2, List.of(one, two), discounts, charges,
                List.of(new Tender(PaymentMethod.Credit, new BigDecimal("20.00"), new BigDecimal("20.00")),
                        new Tender(PaymentMethod.Cash, total.subtract(new BigDecimal("20.00")), new BigDecimal("50.00"))),
                "menu", 1, "EUR");
    }

    static PricedItem item(String caption, String price, String vat) {
        BigDecimal p = new BigDecimal(price);
        BigDecimal r = new BigDecimal(vat);
        MenuItem item = new MenuItem(caption, caption, null, caption, null, List.of(), false,
                List.of(new PricingProfile("default", p, p, p, p, r, r, r, r, p, true)), List.of(), List.of(), null);
        return new PricedItem(item, p, true, List.of());
    }

    static StoreSettings store(String locale) {
        return locale.startsWith("de")
                ? new StoreSettings("p", "Zur Goldenen Gans", "Hauptstraße 1\n10115 Berlin", "DE123456789",
                "+49 30 1234567", "EUR", locale, "Willkommen!", "Danke für Ihren Besuch\nBis bald!", null, null)
                : new StoreSettings("p", "Casa Pepe", "Calle Mayor 1\n28013 Madrid", "ESB12345678", "+34 910 000 000",
                "EUR", locale, "¡Bienvenidos!", "¡Gracias por su visita!", null, null);
    }

    @ParameterizedTest
    @CsvSource({"de-DE, Bestellung A-0042, MwSt. 19%, Rückgeld", "es-ES, Pedido A-0042, IVA 19%, Cambio"})
    void aReceiptSpeaksTheStoresLanguage(String locale, String order, String vat, String change) throws Exception {
        PrintDoc doc = ReceiptLayout.receipt(new SaleSlip(SALE, "A-0042", Instant.parse("2026-12-07T19:42:00Z"),
                locale.startsWith("de") ? "Kasse 1" : "Caja 1", "Ciara", order(locale)), store(locale),
                ZoneId.of("Europe/Berlin"));

        String text = PlainText.render(doc, 48);
        assertTrue(text.contains(order), text);
        assertTrue(text.contains(vat), text);
        assertTrue(text.contains(change), text);
        assertTrue(text.contains("48,70 €"), "money as the locale writes it: " + text);
        assertTrue(text.contains("\n   + "), "modifiers indented under their line: " + text);
        BufferedImage image = DocImage.render(doc, 80);
        assertEquals(576, image.getWidth());
        assertTrue(image.getHeight() > 800, "a whole receipt: " + image.getHeight());
        Path out = Files.createDirectories(Path.of("target", "receipts"));
        Files.write(out.resolve("receipt-" + locale.substring(0, 2) + ".png"), DocImage.png(image));
    }
}
