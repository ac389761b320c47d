package io.brigade.desktop.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class PriceCsvTest {
    @Test
    void badRowsAreNamedByTheirLineInTheFileWithOrWithoutATrailingNewline() {
        String withEnd = "item,price\nA,1.00\nB,twelve\n";
        String withoutEnd = "item,price\nA,1.00\nB,twelve";
        for (String csv : new String[] {withEnd, withoutEnd}) {
            PriceCsv.Refused refused = assertThrows(PriceCsv.Refused.class, () -> PriceCsv.changes(csv));
            assertEquals("line 3: price 'twelve' is not a number", refused.getMessage());
        }
    }

    @Test
    void goodRowsBecomeChanges() throws Exception {
        ArrayNode changes = PriceCsv.changes("item,price,available\nA,1.50,\nB,,false\n");
        assertEquals(2, changes.size());
        assertEquals("1.50", changes.get(0).get("price").decimalValue().toPlainString());
        assertTrue(changes.get(1).get("available").isBoolean());
    }
}
