package io.brigade.desktop.printing;

import io.brigade.desktop.till.Order;
import java.time.Instant;
import java.util.UUID;

/**
 * A completed sale as its receipt needs it: the order as paid, its key (the sale's external id, printed as a QR
 * code), its display id, when it was paid, on which device and by whom.
 */
public record SaleSlip(UUID saleKey, String displayId, Instant at, String device, String staff, Order order) {
}
