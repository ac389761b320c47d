package io.brigade.server.sales;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Sale ids: 16 Crockford base32 characters, 40 bits of milliseconds since 2020-01-01 UTC then 40 bits
 * that start at a random value each millisecond and count up within it. Ids made on one node sort in
 * the order they were made, so a batch of new sales lands on the last page of every index keyed by
 * sale id instead of on a random page each (that rewrite was most of what H2 wrote per sale); the 40
 * random bits keep two nodes from minting the same id.
 */
final class SaleIds {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long EPOCH_MILLIS = 1_577_836_800_000L; // 2020-01-01T00:00:00Z
    private static final long LOW_BITS = 40;
    private static final long LOW_MASK = (1L << LOW_BITS) - 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private long lastMillis = -1;
    private long low;

    SaleIds(Clock clock) {
        this.clock = clock;
    }

    /** The next id; strictly greater than every id this instance gave before. */
    synchronized String next() {
        long millis = Math.max(clock.millis() - EPOCH_MILLIS, 0);
        if (millis > lastMillis) {
            lastMillis = millis;
            // Start in the lower half so the counter has room to run within this millisecond.
            low = RANDOM.nextLong() & (LOW_MASK >>> 1);
        } else if (++low > LOW_MASK) {
            // Clock went back or 2^39 ids in one millisecond: borrow the next millisecond.
            lastMillis++;
            low = RANDOM.nextLong() & (LOW_MASK >>> 1);
        }
        char[] out = new char[16];
        encode(lastMillis, out, 0);
        encode(low, out, 8);
        return new String(out);
    }

    private static void encode(long value, char[] out, int from) {
        for (int i = from + 7; i >= from; i--) {
            out[i] = CROCKFORD[(int) (value & 31)];
            value >>>= 5;
        }
    }
}
