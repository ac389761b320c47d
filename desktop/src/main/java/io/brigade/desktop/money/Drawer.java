package io.brigade.desktop.money;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.desktop.client.PushOutcome;
import io.brigade.desktop.client.ServerClient;
import io.brigade.desktop.local.OutboxRepository;
import io.brigade.desktop.local.SettingsRepository;
import io.brigade.desktop.local.StaffMember;
import io.brigade.protocol.Json;
import io.brigade.protocol.money.Approval;
import io.brigade.protocol.money.ApprovalAsk;
import io.brigade.protocol.money.ApprovalPending;
import io.brigade.protocol.money.MoneySettings;
import io.brigade.protocol.money.Shift;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.Refund;
import io.brigade.protocol.sales.RefundRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The till's drawer: its open shift (kept on this till, so sales name it offline too), and the shift's steps. Open,
 * pay-in, pay-out and no-sale are queued in the outbox in order with the sales; the close is sent at once when
 * nothing is queued before it (its answer shows what the drawer should have held), else queued. Approvals and
 * refunds need the store server. Never call on the FX thread.
 */
public final class Drawer {
    static final String SHIFT = "money.shift";
    private final ServerClient client;
    private final SettingsRepository settings;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final Runnable onQueued;
    private volatile Consumer<StaffMember> opener = staff -> { };
    private final ObjectMapper mapper = Json.mapper();

    /** The shift open on this till. */
    public record Current(String shiftId, BigDecimal openingFloat, Instant openedAt) {
    }

    /** What a close answered: the drawer's expected cash and the difference, or that it was queued. */
    public record Closed(BigDecimal counted, BigDecimal expected, BigDecimal overShort, boolean queued) {
    }

    public Drawer(ServerClient client, SettingsRepository settings, OutboxRepository outbox, Clock clock,
                  Runnable onQueued) {
        this.client = client;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.onQueued = onQueued;
    }

    public Optional<Current> current() {
        return settings.value(SHIFT).filter(v -> !v.isBlank()).map(v -> {
            try {
                return mapper.readValue(v, Current.class);
            } catch (JsonProcessingException e) {
                return null;
            }
        });
    }

    /** The id of the open shift, for the metadata of the sales rung in it; null when none is open. */
    public String shiftId() {
        return current().map(Current::shiftId).orElse(null);
    }

    public Current open(BigDecimal openingFloat, StaffMember staff) {
        if (current().isPresent()) {
            throw new IllegalStateException("a shift is open on this till; close it first");
        }
        Current shift = new Current(UUID.randomUUID().toString(), openingFloat, clock.instant());
        ObjectNode body = staff(staff).put("shiftId", shift.shiftId()).put("terminal", client.terminalName())
                .put("openedAt", shift.openedAt().toString());
        body.put("openingFloat", openingFloat);
        queue(body, "shifts");
        settings.put(SHIFT, write(shift));
        return shift;
    }

    public void payIn(BigDecimal amount, String reason, StaffMember staff) {
        move("PAY_IN", amount, reason, null, staff);
    }

    public void payOut(BigDecimal amount, String reason, StaffMember staff) {
        move("PAY_OUT", amount, reason, null, staff);
    }

    /** A no-sale: counted on the shift (queued with the sales), then the drawer opened by {@link #onNoSale}'s opener. */
    public void noSale(String reason, String approvalId, StaffMember staff) {
        move("NO_SALE", null, reason, approvalId, staff);
        try {
            opener.accept(staff);
        } catch (RuntimeException e) {
            // Counted all the same: the drawer can be opened by hand, and the count must not be lost.
            LoggerFactory.getLogger(Drawer.class).error("the drawer was not opened for a no-sale", e);
        }
    }

    /** What opens the drawer for a no-sale (the receipt printer's pulse on this PC). */
    public void onNoSale(Consumer<StaffMember> opener) {
        this.opener = Objects.requireNonNull(opener, "opener == null");
    }

    private void move(String kind, BigDecimal amount, String reason, String approvalId, StaffMember staff) {
        Current shift = current().orElseThrow(() -> new IllegalStateException("no shift is open on this till"));
        ObjectNode body = staff(staff).put("movementId", UUID.randomUUID().toString()).put("kind", kind)
                .put("at", clock.instant().toString());
        if (amount != null) {
            body.put("amount", amount);
        }
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        if (approvalId != null) {
            body.put("approvalId", approvalId);
        }
        queue(body, "shifts", shift.shiftId(), "movements");
    }

    /** Closes the shift with the blind count: a total, or how many of each face value. */
    public Closed close(BigDecimal counted, Map<String, Integer> denominations, StaffMember staff) {
        Current shift = current().orElseThrow(() -> new IllegalStateException("no shift is open on this till"));
        ObjectNode body = staff(staff).put("closedAt", clock.instant().toString());
        body.put("countedCash", counted);
        if (denominations != null && !denominations.isEmpty()) {
            ObjectNode d = body.putObject("denominations");
            denominations.forEach(d::put);
        }
        String[] path = client.store("shifts", shift.shiftId(), "close");
        if (outbox.pendingMoney() == 0) {
            PushOutcome answer = client.postJson(body.toString(), path);
            if (answer instanceof PushOutcome.Accepted ok) {
                settings.put(SHIFT, "");
                Shift closed = read(ok.body(), Shift.class);
                return new Closed(closed.countedCash(), closed.expectedCash(), closed.overShort(), false);
            }
            if (answer instanceof PushOutcome.Rejected no) {
                throw new IllegalArgumentException(no.reason());
            }
        }
        queue(body, "shifts", shift.shiftId(), "close");
        settings.put(SHIFT, "");
        return new Closed(counted, null, null, true);
    }

    /** What needs a manager at this store (the server's settings). */
    public MoneySettings rules() {
        return read(online(client.getJson(Map.of(), client.store("money-settings"))), MoneySettings.class);
    }

    /** A voucher of the store's list that this till may take today (refused with why not). */
    public io.brigade.protocol.money.Voucher voucher(String code) {
        return read(online(client.getJson(Map.of(), client.store("vouchers", code.strip()))),
                io.brigade.protocol.money.Voucher.class);
    }

    /** A manager's approval of {@code action} with their PIN typed on this till. */
    public Approval approve(String action, BigDecimal amount, String subject, String reason, String pin,
                            StaffMember asking) {
        ObjectNode body = mapper.createObjectNode().put("action", action).put("reason", reason)
                .put("managerPin", pin).put("terminal", client.terminalName())
                .put("requestedBy", asking == null ? null : asking.name());
        if (amount != null) {
            body.put("amount", amount);
        }
        if (subject != null) {
            body.put("subject", subject);
        }
        return read(online(client.postJson(body.toString(), client.store("approvals"))), Approval.class);
    }

    /** Asks the office for a manager's approval of {@code action}; the request's id, to follow it. */
    public String askOffice(String action, BigDecimal amount, String subject, String reason, StaffMember asking) {
        String requestId = UUID.randomUUID().toString();
        ApprovalAsk body = new ApprovalAsk(requestId, action, amount, subject, reason,
                asking == null ? null : asking.name(), client.terminalName());
        read(online(client.postJson(write(body), client.store("approval-requests"))), ApprovalPending.class);
        return requestId;
    }

    /** The office's answer so far to request {@code requestId}. */
    public ApprovalPending officeAnswer(String requestId) {
        return read(online(client.getJson(Map.of(), client.store("approval-requests", requestId))),
                ApprovalPending.class);
    }

    /** Stops waiting for the office (the cashier cancelled, or a PIN was typed after all). */
    public void withdraw(String requestId) {
        online(client.postJson("{}", client.store("approval-requests", requestId, "withdraw")));
    }

    /** Refunds lines of a sale the server holds ({@code method} null: the way it was paid). */
    public Refund refund(String serverSaleId, List<RefundRequest.Line> lines, PaymentMethod method, String reason,
                         String approvalId, StaffMember staff) {
        RefundRequest body = new RefundRequest(UUID.randomUUID().toString(), lines, null, method, reason, shiftId(),
                staff.staffId(), staff.name(), approvalId, client.terminalName());
        JsonNode answer = read(online(client.postJson(write(body), client.sales("sales", serverSaleId, "refunds"))),
                JsonNode.class);
        return mapper.convertValue(answer.get("data"), Refund.class);
    }

    /** The sale as the server holds it ({@code data} of the detail read). */
    public io.brigade.protocol.sales.Sale sale(String serverSaleId, String salesChannelId) {
        JsonNode answer = read(online(client.getJson(Map.of(), client.sales("salesChannels", salesChannelId,
                "sales", serverSaleId))), JsonNode.class);
        return mapper.convertValue(answer.get("data"), io.brigade.protocol.sales.Sale.class);
    }

    /** The store's checks closed in the last day, the latest first: those a manager may reopen. */
    public List<io.brigade.protocol.checks.Check> closedChecks() {
        String[] store = client.store();
        return read(online(client.getJson(Map.of("propertyId", store[5], "state", "closed"), "backoffice", "v1",
                "orgs", store[3], "checks")), io.brigade.protocol.checks.CheckList.class).checks();
    }

    /** Reopens a closed check on the store server (its sales cancelled there); the check as it is now. */
    public io.brigade.protocol.checks.Check reopen(String checkId, String reason, String approvalId) {
        io.brigade.protocol.checks.CheckOperation op = new io.brigade.protocol.checks.CheckOperation.Reopen(
                UUID.randomUUID().toString(), clock.instant(), reason, approvalId);
        String json;
        try {
            json = mapper.writerFor(io.brigade.protocol.checks.CheckOperation.class).writeValueAsString(op);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return read(online(client.checkOperation(checkId, json)), io.brigade.protocol.checks.Check.class);
    }

    private String online(PushOutcome outcome) {
        if (outcome instanceof PushOutcome.Accepted ok) {
            return ok.body();
        }
        if (outcome instanceof PushOutcome.Rejected no) {
            throw new IllegalArgumentException(no.reason());
        }
        throw new NeedsServer();
    }

    /** The store server could not be reached: approvals and refunds wait for it. */
    public static final class NeedsServer extends RuntimeException {
        public NeedsServer() {
            super("the store server cannot be reached", null, false, false);
        }
    }

    private void queue(ObjectNode body, String... tail) {
        ObjectNode row = mapper.createObjectNode();
        row.set("path", mapper.valueToTree(client.store(tail)));
        row.set("body", body);
        outbox.appendMoney(UUID.randomUUID(), row.toString(), clock.instant());
        onQueued.run();
    }

    private ObjectNode staff(StaffMember staff) {
        ObjectNode body = mapper.createObjectNode();
        if (staff != null) {
            body.put("staffId", staff.staffId()).put("staffName", staff.name());
        }
        return body;
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable answer from the store server", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
