package io.brigade.desktop.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.desktop.client.PushOutcome;
import io.brigade.desktop.client.ServerClient;
import io.brigade.desktop.client.TerminalSettings;
import io.brigade.desktop.local.OutboxEntry;
import io.brigade.desktop.local.OutboxRepository;
import io.brigade.protocol.Json;
import io.brigade.protocol.checks.Check;
import io.brigade.protocol.checks.CheckList;
import io.brigade.protocol.checks.CheckOperation;
import io.brigade.protocol.sales.DispatchType;
import io.brigade.protocol.sales.PaymentMethod;
import io.brigade.protocol.sales.SaleItem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The till's side of table service. Every tap on a check becomes an operation with its own id, committed to the
 * local outbox first (forced to disk, as a sale is) and sent by the sync worker in its order, so a till that lost
 * the store server keeps working and hands everything in when it is back. What the till shows is the store
 * server's last word on each check with the operations it has not confirmed yet laid over it.
 */
public final class CheckBook {
    private final OutboxRepository outbox;
    private final ServerClient client;
    private final TerminalSettings settings;
    private final Clock clock;
    private final Runnable queued;
    private final java.util.function.Supplier<String> shift;
    private final Map<String, Check> fromStore = new ConcurrentHashMap<>();
    // When each check was last kept, on a counter shared with the start of each refresh.
    private final Map<String, Long> keptAt = new ConcurrentHashMap<>();
    private final AtomicLong keeps = new AtomicLong();

    /** {@code shift} answers the id of the shift open on this till (null: none); the payments it takes name it. */
    public CheckBook(OutboxRepository outbox, ServerClient client, TerminalSettings settings, Clock clock,
                     Runnable queued, java.util.function.Supplier<String> shift) {
        this.shift = shift;
        this.outbox = outbox;
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.queued = queued;
    }

    /** A line as the till adds it, with the names it shows until the store server answers. */
    public record NewLine(String lineId, String menuItemId, String name, List<String> modifiers, int quantity,
                          BigDecimal unitPrice, List<SaleItem> modifierItems, String notes, Integer seat,
                          int course) {
    }

    // --- operations -------------------------------------------------------------------------------------------------

    /** Opens a check for {@code table} (or a tab called {@code name}); its id. */
    public String open(String table, String name, Integer guests, DispatchType dispatch, String menuId,
                       long revision) {
        String checkId = UUID.randomUUID().toString();
        queue(checkId, new CheckOperation.Open(opId(), now(), settings.propertyId(), settings.salesChannelId(),
                dispatch, blankToNull(table), blankToNull(name), guests, menuId, Long.toString(revision)), null);
        return checkId;
    }

    public void add(String checkId, List<NewLine> lines) {
        List<CheckOperation.NewLine> wire = new ArrayList<>();
        ObjectNode names = Json.mapper().createObjectNode();
        for (NewLine l : lines) {
            wire.add(new CheckOperation.NewLine(l.lineId(), l.menuItemId(), l.quantity(), l.unitPrice(), l.notes(),
                    l.seat(), l.course(), l.modifierItems()));
            ObjectNode shown = names.putObject(l.lineId());
            shown.put("name", l.name());
            l.modifiers().forEach(shown.putArray("modifiers")::add);
        }
        queue(checkId, new CheckOperation.Add(opId(), now(), wire), names);
    }

    /** Sends the lines named to the kitchen (by course), or holds them until their course is fired. */
    public void send(String checkId, List<String> lineIds, boolean hold) {
        queue(checkId, new CheckOperation.Send(opId(), now(), List.copyOf(lineIds), hold ? Boolean.TRUE : null),
                null);
    }

    public void fire(String checkId, int course) {
        queue(checkId, new CheckOperation.Fire(opId(), now(), course), null);
    }

    public void voidLine(String checkId, String lineId, Integer quantity, String reason) {
        voidLine(checkId, lineId, quantity, reason, null);
    }

    /** Voids a line (all of it when {@code quantity} is null) with a manager's approval where the store asks one. */
    public void voidLine(String checkId, String lineId, Integer quantity, String reason, String approvalId) {
        queue(checkId, new CheckOperation.VoidLine(opId(), now(), lineId, quantity, blankToNull(reason),
                blankToNull(approvalId)), null);
    }

    public void guests(String checkId, int guests) {
        queue(checkId, new CheckOperation.Guests(opId(), now(), guests), null);
    }

    public void move(String checkId, String table) {
        queue(checkId, new CheckOperation.Move(opId(), now(), table, null), null);
    }

    /** Takes every line and payment of the open check {@code fromCheckId} into {@code intoCheckId}. */
    public void merge(String intoCheckId, String fromCheckId) {
        merge(intoCheckId, fromCheckId, null);
    }

    /**
     * As {@link #merge(String, String)}; {@code what} says it in the till's words ("Table 15 into Table 16"), kept
     * with the operation so that a refusal can name it.
     */
    public void merge(String intoCheckId, String fromCheckId, String what) {
        queue(intoCheckId, new CheckOperation.Merge(opId(), now(), fromCheckId), null, what);
    }

    /** Moves the lines named from {@code fromCheckId} to the open check {@code toCheckId}. */
    public void transfer(String fromCheckId, List<String> lineIds, String toCheckId) {
        transfer(fromCheckId, lineIds, toCheckId, null);
    }

    /** As {@link #transfer(String, List, String)}, with {@code what} as for a merge. */
    public void transfer(String fromCheckId, List<String> lineIds, String toCheckId, String what) {
        queue(fromCheckId, new CheckOperation.Transfer(opId(), now(), List.copyOf(lineIds), toCheckId), null, what);
    }

    public void bill(String checkId) {
        queue(checkId, new CheckOperation.Bill(opId(), now()), null);
    }

    /** Splits by {@code by} ({@code items} with {@code parts}, {@code seats}, or {@code evenly} in {@code count}). */
    public void split(String checkId, String by, List<List<String>> parts, Integer count) {
        queue(checkId, new CheckOperation.Split(opId(), now(), by, parts, count), null);
    }

    public void pay(String checkId, String partId, PaymentMethod method, BigDecimal amount) {
        queue(checkId, new CheckOperation.Pay(opId(), now(), partId, method, amount, shift.get()), null);
    }

    private void queue(String checkId, CheckOperation op, JsonNode names) {
        queue(checkId, op, names, null);
    }

    private void queue(String checkId, CheckOperation op, JsonNode names, String what) {
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("checkId", checkId);
        payload.set("operation", Json.mapper().valueToTree(op));
        if (names != null) {
            payload.set("names", names);
        }
        if (what != null) {
            payload.put(WHAT, what);
        }
        outbox.appendCheckOperation(UUID.fromString(op.operationId()), payload.toString(), op.at());
        queued.run();
    }

    /** The key of a queued operation's description in the till's words (a merge's, a transfer's), when it has one. */
    public static final String WHAT = "what";

    /** An operation the store server refused: what it was (in the till's words, if it has them) and why. */
    public record Refusal(String checkId, String operation, String what, String reason) {
    }

    private volatile java.util.function.Consumer<Refusal> refusals = r -> { };

    /** Tells {@code listener} of every operation of this till's that the store server refuses (on the sync thread). */
    public void onRefusal(java.util.function.Consumer<Refusal> listener) {
        this.refusals = listener;
    }

    /**
     * The store server refused an operation (from the sync worker, which parked it among the rows that need
     * attention): the till is told, and the store's checks are read again, so nothing it refused is shown done.
     */
    public void storeRefusal(String queuedJson, String reason) {
        String checkId = null;
        String type = null;
        String what = null;
        try {
            JsonNode queued = Json.mapper().readTree(queuedJson);
            checkId = queued.path("checkId").asText(null);
            type = queued.path("operation").path("type").asText(null);
            what = queued.path(WHAT).asText(null);
        } catch (JsonProcessingException e) {
            // an unreadable row is refused as it is
        }
        refresh();
        refusals.accept(new Refusal(checkId, type, what, reason));
    }

    // --- what the till shows ---------------------------------------------------------------------------------------

    /**
     * The store server's answer to an operation (the check after it), from the sync worker. A merge or a transfer
     * changed a second check too, which the answer does not carry: that one is read at once, so neither check shows
     * the lines twice (or not at all) until the next list of open checks.
     */
    public void storeAnswer(String queuedJson, String checkJson) {
        try {
            storeCheck(Json.mapper().readValue(checkJson, Check.class));
            JsonNode op = Json.mapper().readTree(queuedJson).get("operation");
            String other = op == null ? null : op.hasNonNull("fromCheckId") ? op.get("fromCheckId").asText()
                    : op.hasNonNull("toCheckId") ? op.get("toCheckId").asText() : null;
            if (other != null && client.check(other) instanceof PushOutcome.Accepted accepted) {
                storeCheck(Json.mapper().readValue(accepted.body(), Check.class));
            }
        } catch (JsonProcessingException e) {
            // Not a check: nothing to show from it.
        }
    }

    /** A check from the floor stream (whole, after a change on any device). */
    public void storeCheck(Check check) {
        fromStore.merge(check.checkId(), check, (old, now) -> now.version() >= old.version() ? now : old);
        keptAt.put(check.checkId(), keeps.incrementAndGet());
    }

    /** Asks the store server for its open checks (off the FX thread); false when it cannot be reached. */
    public boolean refresh() {
        long asked = keeps.incrementAndGet();
        PushOutcome outcome = client.openChecks();
        if (!(outcome instanceof PushOutcome.Accepted accepted)) {
            return false;
        }
        try {
            CheckList list = Json.mapper().readValue(accepted.body(), CheckList.class);
            List<String> open = new ArrayList<>();
            for (Check c : list.checks()) {
                storeCheck(c);
                open.add(c.checkId());
            }
            // A check the store no longer lists as open was closed or merged on another device; one kept after the
            // list was asked for (an operation's answer, the floor stream) is newer than the list.
            fromStore.values().removeIf(c -> !c.closed() && !open.contains(c.checkId())
                    && keptAt.getOrDefault(c.checkId(), 0L) < asked
                    && pending().stream().noneMatch(p -> p.checkId().equals(c.checkId())));
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * The floor's areas with their tables, in the floor plan's order; tables 1 to 12 (in no area) until a manager
     * drew a plan, and the last plan read while the store server cannot be reached.
     */
    public List<FloorViewModel.Area> floorAreas() {
        PushOutcome outcome = client.floorPlan();
        if (outcome instanceof PushOutcome.Accepted accepted) {
            try {
                io.brigade.protocol.checks.FloorPlan plan = Json.mapper().readValue(accepted.body(),
                        io.brigade.protocol.checks.FloorPlan.class);
                List<FloorViewModel.Area> areas = new ArrayList<>();
                plan.areas().stream().filter(a -> !a.tables().isEmpty())
                        .forEach(a -> areas.add(FloorViewModel.Area.of(a)));
                floorAreas = areas.isEmpty() ? DEFAULT_FLOOR : List.copyOf(areas);
            } catch (JsonProcessingException e) {
                // keep the last plan
            }
        }
        return floorAreas;
    }

    private static final List<FloorViewModel.Area> DEFAULT_FLOOR = List.of(new FloorViewModel.Area(null,
            java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(String::valueOf).toList()));
    private volatile List<FloorViewModel.Area> floorAreas = DEFAULT_FLOOR;

    /** Open checks as this till sees them, oldest first. */
    public List<Check> openChecks() {
        return project().values().stream().filter(c -> !c.closed())
                .sorted(java.util.Comparator.comparing(Check::openedAt)).toList();
    }

    public Optional<Check> check(String checkId) {
        return Optional.ofNullable(project().get(checkId));
    }

    /** How many of this till's operations the store server has not confirmed yet. */
    public int unconfirmed() {
        return pending().size();
    }

    private record Pending(String checkId, CheckOperation op, JsonNode names) {
    }

    private List<Pending> pending() {
        List<Pending> out = new ArrayList<>();
        for (OutboxEntry e : outbox.pendingCheckOperations()) {
            try {
                JsonNode payload = Json.mapper().readTree(e.payload());
                out.add(new Pending(payload.get("checkId").asText(), Json.mapper().treeToValue(
                        payload.get("operation"), CheckOperation.class), payload.get("names")));
            } catch (JsonProcessingException ex) {
                // an unreadable row is the sync worker's to park
            }
        }
        return out;
    }

    private Map<String, Check> project() {
        Map<String, Check> out = new LinkedHashMap<>(fromStore);
        for (Pending p : pending()) {
            // A merge or a transfer changes two checks: both are laid over here, where both are known.
            if (p.op() instanceof CheckOperation.Merge m) {
                LocalChecks.merge(out, p.checkId(), m);
                continue;
            }
            if (p.op() instanceof CheckOperation.Transfer t) {
                LocalChecks.transfer(out, p.checkId(), t);
                continue;
            }
            Check before = out.get(p.checkId());
            Check after = LocalChecks.apply(before, p.checkId(), p.op(), p.names());
            if (after != null) {
                out.put(p.checkId(), after);
            }
        }
        return out;
    }

    private String opId() {
        return UUID.randomUUID().toString();
    }

    private Instant now() {
        return clock.instant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
