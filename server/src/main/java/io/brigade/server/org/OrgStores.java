package io.brigade.server.org;

import io.brigade.server.access.StoreLookup;
import io.brigade.server.db.Database;
import java.util.Optional;

/**
 * Which store (property) a sales channel or a sale is in, for the access filter's check of callers limited to
 * some stores. The sale's store is read straight from {@code sales}: one indexed read per request, without going
 * through the sales feature.
 */
public final class OrgStores implements StoreLookup {
    private final Database database;
    private final OrgRepository orgs = new OrgRepository();

    public OrgStores(Database database) {
        this.database = database;
    }

    @Override
    public Optional<String> propertyOfChannel(String orgId, String salesChannelId) {
        return database.read(c -> orgs.propertyOfChannel(c, orgId, salesChannelId));
    }

    @Override
    public Optional<String> propertyOfSale(String orgId, String saleId) {
        return database.read(c -> orgs.propertyOfSale(c, orgId, saleId));
    }

    @Override
    public Optional<String> propertyOfTicket(String orgId, String ticketId) {
        return database.read(c -> orgs.propertyOfTicket(c, orgId, ticketId));
    }

    @Override
    public Optional<String> propertyOfCheck(String orgId, String checkId) {
        return database.read(c -> orgs.propertyOfCheck(c, orgId, checkId));
    }
}
