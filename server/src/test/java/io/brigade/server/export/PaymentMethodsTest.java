package io.brigade.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The export lists a sale's payment methods once each: whether one is listed answers as splitting the list does. */
class PaymentMethodsTest {

    @Test
    void aMethodIsFoundInTheListExactlyWhenSplittingTheListFindsIt() {
        String[] pieces = {"", "Card", "Cash", "Ca", "Card;", ";", "Voucher"};
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder joined = new StringBuilder();
            for (int k = r.nextInt(5); k > 0; k--) {
                joined.append(pieces[r.nextInt(pieces.length)]);
                if (r.nextBoolean()) {
                    joined.append(';');
                }
            }
            String value = pieces[r.nextInt(pieces.length)].replace(";", "");
            boolean split = Arrays.asList(joined.toString().split(";")).contains(value);
            assertEquals(split, AnalyticsExportJob.contains(joined, value), "'" + value + "' in '" + joined + "'");
        }
    }
}
