package io.brigade.desktop.till;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.local.EventRecorder;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.OutboxRepository;
import io.brigade.desktop.local.StaffMember;
import io.brigade.protocol.Json;
import io.brigade.protocol.sales.CancelSale;
import io.brigade.protocol.sales.DineIn;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.PaymentType;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.SaleCharge;
import io.brigade.protocol.sales.SaleDiscount;
import io.brigade.protocol.sales.SaleItem;
import io.brigade.protocol.sales.SalePayment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/**
 * Turns a paid ticket into a sale in the outbox (one durable local transaction, then the sync worker's
 * business), and cancels or sets aside sales rung up here.
 */
public final class CheckoutService {
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);
    private final OutboxRepository outbox;
    private final TerminalSettings settings;
    private final EventRecorder events;
    private final Clock clock;
    private final Runnable onQueued;
    private volatile Completed completed = (key, displayId, at, order, staff) -> OutboxRepository.WithSale.NOTHING;

    /**
     * Hears of each sale as it is stored on this till and answers the rows kept with it (its receipt's print job):
     * they are written in the sale's transaction and forced to disk with it, so one forced write holds both.
     */
    @FunctionalInterface
    public interface Completed {
        OutboxRepository.WithSale sale(UUID key, String displayId, Instant at, Order order, StaffMember staff);
    }

    private final java.util.function.Supplier<String> shift;

    public CheckoutService(OutboxRepository outbox, TerminalSettings settings, EventRecorder events, Clock clock,
                           Runnable onQueued) {
        this(outbox, settings, events, clock, onQueued, () -> null);
    }

    /** {@code shift} answers the id of the shift open on this till (null: none); its sales name it. */
    public CheckoutService(OutboxRepository outbox, TerminalSettings settings, EventRecorder events, Clock clock,
                           Runnable onQueued, java.util.function.Supplier<String> shift) {
        this.shift = shift;
        this.outbox = outbox;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.onQueued = onQueued;
    }

    /** Commits the sale locally; when this returns the cashier is done and the sale cannot be lost. */
    public Receipt complete(Order order, StaffMember staff) {
        if (order.lines().isEmpty()) {
            throw new IllegalStateException("the ticket is empty");
        }
        if (order.paid().compareTo(order.total()) != 0) {
            throw new IllegalStateException("paid " + order.paid() + " of " + order.total());
        }
        UUID key = UUID.randomUUID();
        Instant now = clock.instant();
        String displayId = nextDisplayId();
        Sale sale = new Sale(settings.salesChannelId(), "POS", now, true, order.dispatch(), key.toString(), displayId,
                order.menuId(), Long.toString(order.menuRevisionId()), null,
                order.dispatch() == DispatchType.DineIn ? new DineIn(order.tableId(), order.guests()) : null, null,
                items(order), order.charges(), order.discounts(), payments(order, now), metadata(staff), null, null,
                null);
        OutboxRepository.WithSale with = OutboxRepository.WithSale.NOTHING;
        try {
            with = completed.sale(key, displayId, now, order, staff);
        } catch (RuntimeException e) {
            // A receipt that could not be made is shown on screen, never a lost sale.
            LoggerFactory.getLogger(CheckoutService.class).error("the receipt of sale {} was not queued", displayId, e);
        }
        outbox.appendSale(new OutboxRepository.NewSale(key, json(sale), displayId, order.total(), staff.name(), now),
                List.of(events.orderPlaced(key, order.total(), staff.staffId())), with);
        onQueued.run();
        try {
            with.stored().run();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(CheckoutService.class).error("the printer of sale {} was not woken", displayId, e);
        }
        List<Receipt.Adjustment> adjustments = new ArrayList<>();
        for (SaleDiscount d : order.discounts()) {
            adjustments.add(Receipt.Adjustment.discount(d.type(), d.code(), d.amount().negate()));
        }
        for (SaleCharge c : order.charges()) {
            adjustments.add(Receipt.Adjustment.charge(c.type(), c.amount()));
        }
        return new Receipt(displayId, settings.terminalName(), staff.name(), now, order.currency(), order.dispatch(),
                order.dispatch() == DispatchType.DineIn ? order.tableId() : null, order.lines(), order.subtotal(),
                adjustments, order.total(), order.tenders());
    }

    /**
     * The next order number of this till ("0042", or "B-0042" on a store of several tills): a sale's, or a takeaway's
     * sent to the kitchen before it is paid. A till of a store with several prefixes its numbers with the letter the
     * store gave it at pairing, so two tills selling offline at the same time never show the kitchen the same number.
     */
    public String nextDisplayId() {
        String prefix = settings.link() == null || settings.link().displayPrefix() == null ? ""
                : settings.link().displayPrefix() + "-";
        return prefix + String.format("%04d", outbox.nextDisplayNumber() % 10_000);
    }

    /** Tells {@code listener} of every sale completed from now on. */
    public void onCompleted(Completed listener) {
        this.completed = listener;
    }

    private volatile String discountApproval;

    /** A manager's approval of the discount on the ticket being rung: the next sale carries it. */
    public void approveDiscount(String approvalId) {
        this.discountApproval = approvalId;
    }

    /** Cancels (or refunds) a sale rung up here; managers only, and a reason is required. */
    public void cancel(OutboxEntry sale, String reason, StaffMember staff) {
        requireManager(staff);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(TEXTS.reasonRequired());
        }
        if (sale.cancelled()) {
            throw new IllegalArgumentException(TEXTS.alreadyCancelled(sale.displayId()));
        }
        if (sale.state() == OutboxEntry.State.PARKED || sale.state() == OutboxEntry.State.VOIDED) {
            outbox.voidUnsentSale(sale.id()); // the server never accepted it: nothing to send
            return;
        }
        CancelSale body = new CancelSale(settings.salesChannelId(), reason.strip(), "by " + staff.name());
        outbox.appendCancel(UUID.randomUUID(), sale.id(), json(body), clock.instant());
        onQueued.run();
    }

    public List<OutboxEntry> recentSales() {
        return outbox.recentSales(30);
    }

    public List<OutboxEntry> needsAttention() {
        return outbox.parked();
    }

    /** Sends a parked row again, after a manager fixed its cause. */
    public void retry(OutboxEntry entry, StaffMember staff) {
        requireManager(staff);
        outbox.retry(entry.id());
        onQueued.run();
    }

    /** Gives up on a parked row; it stays in the local record as voided. */
    public void voidParked(OutboxEntry entry, StaffMember staff) {
        requireManager(staff);
        outbox.voidParked(entry.id());
        onQueued.run();
    }

    private static void requireManager(StaffMember staff) {
        if (!staff.isManager()) {
            throw new IllegalArgumentException(TEXTS.managersOnly());
        }
    }

    private static List<SaleItem> items(Order order) {
        List<SaleItem> items = new ArrayList<>();
        for (TicketLine l : order.lines()) {
            List<SaleItem> mods = l.modifiers().stream()
                    .map(m -> new SaleItem(m.menuItemId(), 1, m.price(), null, null)).toList();
            items.add(new SaleItem(l.item().id(), l.quantity(), l.item().price(), l.notes(), mods));
        }
        return items;
    }

    private static List<SalePayment> payments(Order order, Instant now) {
        return order.tenders().stream().map(t -> new SalePayment(PaymentType.Sale, t.method(), t.amount(), now,
                t.method() == PaymentMethod.Cash && t.change().signum() > 0
                        ? "tendered " + t.tendered() + ", change " + t.change() : null)).toList();
    }

    private String metadata(StaffMember staff) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("posTerminal", settings.terminalName());
        m.put("staffId", staff.staffId());
        m.put("staffName", staff.name());
        String shiftId = shift.get();
        if (shiftId != null) {
            m.put("shiftId", shiftId);
        }
        if (discountApproval != null) {
            m.put("approvalId", discountApproval);
            discountApproval = null;
        }
        return m.toString();
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
