package io.brigade.desktop.printing;

import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.till.Order;
import io.brigade.desktop.till.Tender;
import io.brigade.desktop.till.TicketLine;
import io.brigade.protocol.menus.PricingProfile;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.SaleCharge;
import io.brigade.protocol.sales.SaleDiscount;
import io.brigade.protocol.store.StoreSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The restaurant's own receipt, in its language and currency: its logo, name, address, phone and VAT number, the
 * header; the order's number, date, till and staff, where it was eaten; each line with its modifiers and notes;
 * subtotal, discounts, charges, tip and total; the VAT included, by rate; the payments and the change; the footer;
 * and the sale's id as a QR code. The same document prints, shows on screen and renders as an image.
 */
public final class ReceiptLayout {
    private ReceiptLayout() {
    }

    /** The receipt of {@code sale}; it opens the drawer when cash was taken. */
    public static PrintDoc receipt(SaleSlip sale, StoreSettings store, ZoneId zone) {
        Locale locale = locale(store);
        PrintTexts words = Texts.of(PrintTexts.class, locale);
        Money money = new Money(locale, currency(sale.order().currency(), store));
        Order o = sale.order();
        PrintDoc.Builder d = PrintDoc.builder();
        head(d, store, words);
        d.text(words.receiptOrder(sale.displayId()), PrintDoc.Size.LARGE, true, PrintDoc.Align.CENTER);
        d.centered(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(sale.at().atZone(zone)));
        d.centered(words.till(sale.device()) + "  " + words.servedBy(sale.staff()));
        d.centered(where(o.dispatch(), o.tableId(), words));
        d.rule();
        for (TicketLine l : o.lines()) {
            d.row(l.quantity() + " x " + l.item().caption(), money.of(l.total()));
            for (TicketLine.Modifier m : l.modifiers()) {
                d.text("   + " + m.caption());
            }
            if (l.notes() != null && !l.notes().isBlank()) {
                d.text("   \"" + l.notes() + "\"");
            }
        }
        d.rule();
        d.row(words.subtotal(), money.of(o.subtotal()));
        for (SaleDiscount disc : o.discounts()) {
            String label = switch (disc.type()) {
                case Voucher -> words.voucher(disc.code() == null ? "" : disc.code());
                case Loyalty -> words.loyalty(disc.code() == null ? "" : disc.code());
                default -> words.discount();
            };
            d.row(label, money.of(disc.amount().negate()));
        }
        for (SaleCharge c : o.charges()) {
            String label = switch (c.type()) {
                case Service -> words.serviceCharge();
                case Delivery -> words.deliveryCharge();
                case Tip -> words.tip();
                default -> words.charge();
            };
            d.row(label, money.of(c.amount()));
        }
        d.row(words.total(), money.of(o.total()), PrintDoc.Size.LARGE, true);
        Map<BigDecimal, BigDecimal> vat = vatByRate(o);
        if (!vat.isEmpty()) {
            d.rule();
            d.text(words.vatIncluded());
            vat.forEach((rate, gross) -> {
                BigDecimal tax = gross.multiply(rate).divide(rate.add(BigDecimal.valueOf(100)), 2,
                        RoundingMode.HALF_UP);
                d.row(words.vatLine(percent(rate, locale), money.of(gross.subtract(tax))), money.of(tax));
            });
        }
        d.rule();
        BigDecimal change = BigDecimal.ZERO;
        for (Tender t : o.tenders()) {
            d.row(method(t.method(), words), money.of(t.tendered()));
            change = change.add(t.change());
        }
        if (change.signum() > 0) {
            d.row(words.change(), money.of(change), PrintDoc.Size.NORMAL, true);
        }
        foot(d, store);
        d.qr(sale.saleKey().toString());
        d.centered(words.saleId(sale.saleKey().toString()));
        return d.openDrawer(o.tenders().stream().anyMatch(t -> t.method() == PaymentMethod.Cash)).build();
    }

    /** The store's logo, name, address, phone, VAT number and header text. */
    static void head(PrintDoc.Builder d, StoreSettings store, PrintTexts words) {
        d.image(store.logoPng());
        d.text(store.restaurantName(), PrintDoc.Size.LARGE, true, PrintDoc.Align.CENTER);
        d.centeredLines(store.address());
        if (store.phone() != null && !store.phone().isBlank()) {
            d.centered(words.phone(store.phone()));
        }
        if (store.taxNumber() != null && !store.taxNumber().isBlank()) {
            d.centered(words.taxNumber(store.taxNumber()));
        }
        d.centeredLines(store.receiptHeader());
        d.rule();
    }

    static void foot(PrintDoc.Builder d, StoreSettings store) {
        if (store.receiptFooter() != null && !store.receiptFooter().isBlank()) {
            d.rule();
            d.centeredLines(store.receiptFooter());
        }
        d.feed();
    }

    static String where(DispatchType type, String table, PrintTexts words) {
        return switch (type) {
            case DineIn -> table == null || table.isBlank() ? words.dineIn() : words.dineInTable(table);
            case TakeAway -> words.takeaway();
            case Collection -> words.collection();
            case Delivery -> words.delivery();
        };
    }

    /**
     * The VAT-inclusive amount at each rate: each line at its item's rate for the dispatch type (its modifiers with
     * it), less its share of the discounts. Charges and the tip stand apart from the breakdown.
     */
    static Map<BigDecimal, BigDecimal> vatByRate(Order o) {
        Map<BigDecimal, BigDecimal> gross = new TreeMap<>();
        for (TicketLine l : o.lines()) {
            BigDecimal rate = rate(l, o.dispatch());
            if (rate != null && rate.signum() > 0) {
                gross.merge(rate.stripTrailingZeros(), l.total(), BigDecimal::add);
            }
        }
        BigDecimal subtotal = o.subtotal();
        BigDecimal discounts = o.discounts().stream().map(SaleDiscount::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        if (discounts.signum() > 0 && subtotal.signum() > 0) {
            BigDecimal keep = BigDecimal.ONE.subtract(discounts.divide(subtotal, 10, RoundingMode.HALF_UP))
                    .max(BigDecimal.ZERO);
            gross.replaceAll((rate, amount) -> amount.multiply(keep).setScale(2, RoundingMode.HALF_UP));
        }
        return gross;
    }

    private static BigDecimal rate(TicketLine l, DispatchType dispatch) {
        List<PricingProfile> profiles = l.item().item().pricingProfiles();
        if (profiles == null || profiles.isEmpty()) {
            return null;
        }
        PricingProfile p = profiles.get(0);
        if (Boolean.FALSE.equals(p.taxable())) {
            return null;
        }
        BigDecimal rate = switch (dispatch) {
            case DineIn -> p.dineInTax();
            case TakeAway -> p.takeawayTax();
            case Collection -> p.collectionTax();
            case Delivery -> p.deliveryTax();
        };
        return rate != null ? rate : p.dineInTax();
    }

    static Locale locale(StoreSettings store) {
        return store.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(store.locale());
    }

    /** A payment method in the paper's language. */
    static String method(PaymentMethod method, PrintTexts words) {
        return switch (method) {
            case Cash -> words.cash();
            case Credit -> words.card();
            case Online -> words.online();
            case PhonePayment -> words.phonePayment();
            case ExternalPayment -> words.otherPayment();
        };
    }

    /** The sale's currency, else the store's, else the euro: paper is printed whatever a record lacks. */
    static Currency currency(String code, StoreSettings store) {
        for (String c : new String[] {code, store.currency(), "EUR"}) {
            try {
                if (c != null) {
                    return Currency.getInstance(c);
                }
            } catch (IllegalArgumentException e) {
                // try the next
            }
        }
        return Currency.getInstance("EUR");
    }

    private static String percent(BigDecimal rate, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(2);
        return f.format(rate) + "%";
    }

    /** Amounts as the store's locale writes them, with plain spaces (a printer's table may lack the no-break one). */
    static final class Money {
        private final NumberFormat format;

        Money(Locale locale, Currency currency) {
            format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(currency);
            format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
            format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
            format.setRoundingMode(RoundingMode.HALF_UP);
        }

        String of(BigDecimal amount) {
            return format.format(amount).replace('\u00a0', ' ').replace('\u202f', ' ');
        }
    }
}
