package io.brigade.protocol.money;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A voucher the back office keeps: {@code code} worth up to {@code amount}, valid from {@code validFrom} to
 * {@code validTo} (business dates, inclusive), for {@code maxUses} sales (null: no limit). {@code uses} and
 * {@code active} are the server's.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Voucher(String code, BigDecimal amount, LocalDate validFrom, LocalDate validTo, Integer maxUses,
                      Integer uses, String note, Boolean active) {
}
