package io.brigade.protocol.sales;

/** The person who placed the order; {@code phoneNumber} is stored without a leading '+'. */
public record Customer(String id, String name, String phoneNumber, String emailAddress, String externalId) {
}
