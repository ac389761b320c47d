package io.brigade.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2 only: drops the foreign keys of a sale's lines (items, payments, charges, discounts) to their sale, and of
 * a sale to its channel. H2 gives each of them an index of its own, because it reuses an index for a foreign key
 * only if the index has exactly the key's columns; each of these is already the first column of a wider index
 * (the lines' primary keys, sales' channel and date index). Every sale then wrote three to five B-trees that no
 * query reads, and H2 stores every touched B-tree again at each commit. The sale path writes a sale and its lines
 * in one transaction and never deletes them, so the keys guarded nothing it does not guarantee itself. PostgreSQL
 * makes no index for a foreign key and keeps them.
 */
final class H2ForeignKeyIndexes implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("54");
    }

    @Override
    public String getDescription() {
        return "H2 drops the foreign keys of sale lines";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    /** Child table and the table its foreign key references. */
    private static final String[][] KEYS = {
            {"SALE_ITEMS", "SALES"}, {"SALE_PAYMENTS", "SALES"}, {"SALE_CHARGES", "SALES"},
            {"SALE_DISCOUNTS", "SALES"}, {"SALES", "SALES_CHANNELS"}};

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().startsWith("H2")) {
            return;
        }
        for (String[] key : KEYS) {
            for (String constraint : foreignKeys(c, key[0], key[1])) {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE " + key[0] + " DROP CONSTRAINT \"" + constraint + "\"");
                }
            }
        }
    }

    /** H2 names these constraints itself (CONSTRAINT_9, …), so they are looked up. */
    private static List<String> foreignKeys(Connection c, String table, String referenced) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tc.CONSTRAINT_NAME "
                + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
                + "JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc "
                + "ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                + "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS uc "
                + "ON uc.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA "
                + "AND uc.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME "
                + "WHERE tc.TABLE_SCHEMA = CURRENT_SCHEMA AND tc.TABLE_NAME = ? AND uc.TABLE_NAME = ? "
                + "AND tc.CONSTRAINT_TYPE = 'FOREIGN KEY'")) {
            ps.setString(1, table);
            ps.setString(2, referenced);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
