package io.brigade.desktop.client;

import java.time.Duration;

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

    /**
     * No answer, a 5xx, a 408 or a 429, or any answer with {@code Retry-After} (the server is still storing a
     * push with the same key): try again later; {@code after} is how long the server asked to wait, if it did.
     */
    record Retry(String reason, Duration after) implements PushOutcome {
        public Retry(String reason) {
            this(reason, null);
        }
    }
}
