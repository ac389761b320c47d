package io.brigade.protocol.sales;

/** Table details for a DineIn sale. */
public record DineIn(String tableId, Integer guests) {
}
