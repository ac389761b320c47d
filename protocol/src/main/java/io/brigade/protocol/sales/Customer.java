package io.brigade.protocol.sales;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The person who placed the order; {@code phoneNumber} is stored without a leading '+'. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Customer(String id, String name, String phoneNumber, String emailAddress, String externalId) {
}
