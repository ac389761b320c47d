package io.brigade.protocol.money;

/** A manager at the office approves or refuses a till's request, for {@code reason} (required). */
public record ApprovalAnswer(String reason) {
}
