package io.brigade.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.server.support.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sale lines reach their sale, and sales their channel, through indexes they have anyway. */
class H2ForeignKeyIndexesTest {
    private static final String FOREIGN_KEYS = "SELECT tc.table_name FROM information_schema.table_constraints tc "
            + "WHERE tc.constraint_type = 'FOREIGN KEY' AND lower(tc.table_name) IN "
            + "('sales', 'sale_items', 'sale_payments', 'sale_charges', 'sale_discounts') ORDER BY 1";

    @ParameterizedTest
    @CsvSource({"h2, 0", "postgres, 5"})
    void onlyH2DropsTheForeignKeysThatWouldEachNeedAnIndexOfTheirOwn(String db, int kept) throws Exception {
        try (Database database = Database.open(TestDatabases.freshUrl(db), TestDatabases.user(db), null)) {
            List<String> tables = database.read(c -> names(c, FOREIGN_KEYS));
            assertEquals(kept, tables.size(), tables.toString());
            if (db.equals("h2")) {
                // What is left on a sale's lines is their primary key: no index on sale_id alone.
                assertEquals(List.of(), database.read(c -> names(c, "SELECT index_name FROM "
                        + "information_schema.indexes WHERE table_name IN ('SALE_ITEMS', 'SALE_PAYMENTS', "
                        + "'SALE_CHARGES', 'SALE_DISCOUNTS') AND index_name NOT LIKE 'PRIMARY_KEY%'")));
            }
        }
    }

    private static List<String> names(Connection c, String sql) throws java.sql.SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
