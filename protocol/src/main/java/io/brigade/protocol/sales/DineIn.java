package io.brigade.protocol.sales;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Table details for a DineIn sale. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DineIn(String tableId, Integer guests) {
}
