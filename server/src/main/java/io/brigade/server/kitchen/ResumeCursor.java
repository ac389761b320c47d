package io.brigade.server.kitchen;

import io.brigade.server.domain.InvalidInputException;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/** Where an event stream (the kitchen's, the floor's) resumes for a client that sends {@code Last-Event-ID}. */
public final class ResumeCursor {
    private ResumeCursor() {
    }

    /**
     * The event id to resume after; empty when the client starts afresh, or was away longer than events are kept
     * (then it gets a snapshot). An id this stream never sent is refused.
     */
    public static OptionalLong of(String lastEventId, LongSupplier lastSeq, LongPredicate hasEvent) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return OptionalLong.empty();
        }
        long cursor;
        try {
            cursor = Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            cursor = -1;
        }
        long last = lastSeq.getAsLong();
        if (cursor < 0 || cursor > last) {
            throw InvalidInputException.malformed("Last-Event-ID",
                    "must be an event id this stream sent (0 to " + last + ")");
        }
        if (cursor < last && !hasEvent.test(cursor + 1)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(cursor);
    }
}
