package io.brigade.desktop.till;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.checks.Check;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the split dialog edits, without a screen: how a table's bill is split (by item into parts the waiter fills,
 * by seat, or evenly into a count) and what each part would pay. Its rules are the store server's, checked before
 * the split is sent, so a split the store would refuse never reaches the outbox.
 */
public final class SplitChoice {
    /** The three ways to split, with the store server's names for them. */
    public enum By {
        ITEMS("items"), SEATS("seats"), EVENLY("evenly");

        private final String wire;

        By(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** The most parts a bill is split into (the store server's limit is higher; a table is not). */
    public static final int MAX_PARTS = 12;
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);
    private final List<Check.Line> lines;
    private final Map<String, Integer> partOf = new LinkedHashMap<>();
    private By by = By.SEATS;
    private int count = 2;

    /** A choice over the check's lines that still charge something (voided ones are left out). */
    public SplitChoice(Check check) {
        this.lines = check.lines().stream().filter(l -> l.liveQuantity() > 0).toList();
        lines.forEach(l -> partOf.put(l.lineId(), 1));
    }

    public List<Check.Line> lines() {
        return lines;
    }

    public By by() {
        return by;
    }

    public void by(By how) {
        this.by = how;
    }

    /** Parts of a split by item, or of an even split. */
    public int count() {
        return count;
    }

    public void count(int parts) {
        this.count = Math.max(2, Math.min(MAX_PARTS, parts));
        partOf.replaceAll((line, part) -> Math.min(part, count));
    }

    /** Puts {@code lineId} into part {@code part} (1 to {@link #count()}) of a split by item. */
    public void assign(String lineId, int part) {
        if (partOf.containsKey(lineId) && part >= 1 && part <= count) {
            partOf.put(lineId, part);
        }
    }

    public int partOf(String lineId) {
        return partOf.getOrDefault(lineId, 1);
    }

    /** Why the store would refuse this split, if it would. */
    public Optional<String> problem() {
        if (lines.isEmpty()) {
            return Optional.of(TEXTS.nothingToSplit());
        }
        if (by == By.ITEMS) {
            for (int p = 1; p <= count; p++) {
                if (!partOf.containsValue(p)) {
                    return Optional.of(TEXTS.partHasNoLine(p));
                }
            }
        }
        return Optional.empty();
    }

    /** The line ids of each part, for a split by item. */
    public List<List<String>> parts() {
        List<List<String>> out = new ArrayList<>();
        for (int p = 1; p <= count; p++) {
            int part = p;
            out.add(lines.stream().map(Check.Line::lineId).filter(id -> partOf.get(id) == part).toList());
        }
        return out;
    }

    /** Each part's label and what it would pay, as the store server will count it. */
    public Map<String, BigDecimal> preview() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        switch (by) {
            case ITEMS -> {
                for (int p = 1; p <= count; p++) {
                    int part = p;
                    out.put(String.valueOf(p), lines.stream().filter(l -> partOf.get(l.lineId()) == part)
                            .map(Check.Line::total).reduce(BigDecimal.ZERO, BigDecimal::add));
                }
            }
            case SEATS -> {
                for (Check.Line l : lines) {
                    out.merge(l.seat() == null ? "-" : String.valueOf(l.seat()), l.total(), BigDecimal::add);
                }
            }
            default -> {
                // Shares rounded down to the cent, the last part taking what is left (as the store server does).
                BigDecimal total = lines.stream().map(Check.Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal share = total.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
                for (int i = 1; i <= count; i++) {
                    out.put(String.valueOf(i), i < count ? share
                            : total.subtract(share.multiply(BigDecimal.valueOf(count - 1))));
                }
            }
        }
        return out;
    }
}
