package io.brigade.desktop.till;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.protocol.checks.Check;
import io.brigade.protocol.sales.DispatchType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The split dialog's rules and previews, as the store server will count the parts. */
class SplitChoiceTest {
    private static Check.Line line(String id, String price, Integer seat, int voided) {
        return new Check.Line(id, "item-" + id, "Item " + id, 1, voided, new BigDecimal(price), List.of(), List.of(),
                null, seat, 1, Check.SENT, 1, "t", null, voided > 0 ? BigDecimal.ZERO : new BigDecimal(price),
                Instant.EPOCH);
    }

    private static Check check(Check.Line... lines) {
        BigDecimal total = List.of(lines).stream().map(Check.Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Check("c", "p", "sc", DispatchType.DineIn, "4", null, 2, Check.SENT, Instant.EPOCH, Instant.EPOCH,
                null, "m", "1", 1, List.of(), List.of(lines), null, List.of(), List.of(), total, BigDecimal.ZERO,
                total, 1, null, List.of());
    }

    @Test
    void anEvenSplitGivesTheLastPartTheCentsLeftOver() {
        SplitChoice choice = new SplitChoice(check(line("a", "10.00", null, 0)));
        choice.by(SplitChoice.By.EVENLY);
        choice.count(3);

        assertEquals(Map.of("1", new BigDecimal("3.33"), "2", new BigDecimal("3.33"), "3", new BigDecimal("3.34")),
                choice.preview());
    }

    @Test
    void aSplitBySeatPutsLinesWithoutASeatInAPartOfTheirOwn() {
        SplitChoice choice = new SplitChoice(check(line("a", "6.00", 1, 0), line("b", "2.50", null, 0),
                line("c", "4.00", 1, 0)));
        choice.by(SplitChoice.By.SEATS);

        assertEquals(Map.of("1", new BigDecimal("10.00"), "-", new BigDecimal("2.50")), choice.preview());
    }

    @Test
    void aVoidedLineIsInNoPart() {
        SplitChoice choice = new SplitChoice(check(line("a", "6.00", 1, 0), line("b", "2.50", 2, 1)));

        assertEquals(List.of("a"), choice.lines().stream().map(Check.Line::lineId).toList());
    }

    @Test
    void aSplitByItemNeedsALineInEveryPart() {
        SplitChoice choice = new SplitChoice(check(line("a", "6.00", null, 0), line("b", "2.50", null, 0)));
        choice.by(SplitChoice.By.ITEMS);
        choice.count(3);
        choice.assign("b", 2);

        assertEquals(Optional.of("Part 3 has no line: tap a line's 3 to put it there, or choose fewer parts"),
                choice.problem());
    }

    @Test
    void fewerPartsMoveTheirLinesIntoTheLastPartLeft() {
        SplitChoice choice = new SplitChoice(check(line("a", "6.00", null, 0), line("b", "2.50", null, 0)));
        choice.by(SplitChoice.By.ITEMS);
        choice.count(3);
        choice.assign("b", 3);
        choice.count(2);

        assertEquals(List.of(List.of("a"), List.of("b")), choice.parts());
    }
}
