package io.brigade.protocol.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The blind count that closes a shift: the cash in the drawer, as a total ({@code countedCash}) or by
 * denomination ({@code denominations}: face value as text, such as "20" or "0.50", to how many), or both when they
 * agree. The till sends it before it is shown what the drawer should hold.
 */
public record ShiftCount(BigDecimal countedCash, Map<String, Integer> denominations, Instant closedAt,
                         String staffId, String staffName) {
}
