package io.brigade.protocol.money;

import java.time.LocalDate;

/** Take the Z report of a store's business day (closes the day; a second one for the same day is refused). */
public record ZRequest(LocalDate businessDate) {
}
