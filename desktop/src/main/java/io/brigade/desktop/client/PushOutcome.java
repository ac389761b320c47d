package io.brigade.desktop.client;

/**
 * What became of one request to the server. The three cases are kept apart on purpose: the network
 * failing is retried, the server refusing is shown to a person and never retried blindly.
 */
public sealed interface PushOutcome {
    /** 2xx: the server has it; {@code body} is its answer. */
    record Accepted(int status, String body) implements PushOutcome {
    }

    /** 4xx: the server said no, for a reason a person must read. */
    record Rejected(int status, String reason) implements PushOutcome {
    }

    /** No answer, a 5xx, a 408 or a 429: try again later. */
    record Retry(String reason) implements PushOutcome {
    }
}
