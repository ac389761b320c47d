package io.brigade.server.access;

import java.util.Optional;

/**
 * The store (property) a sales channel, a sale or a kitchen ticket belongs to, for the access filter's check of callers limited to
 * some stores. Unknown ids are empty: the route answers them with 404 as it would for anyone.
 */
public interface StoreLookup {

    Optional<String> propertyOfChannel(String orgId, String salesChannelId);

    Optional<String> propertyOfSale(String orgId, String saleId);

    /** The store of one of the org's kitchen tickets (a sale's, or a check's round). */
    Optional<String> propertyOfTicket(String orgId, String ticketId);

    /** The store of one of the org's checks (table service). */
    default Optional<String> propertyOfCheck(String orgId, String checkId) {
        return Optional.empty();
    }

    /** No lookups (a server without store-limited callers). */
    StoreLookup NONE = new StoreLookup() {
        @Override
        public Optional<String> propertyOfChannel(String orgId, String salesChannelId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> propertyOfSale(String orgId, String saleId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> propertyOfTicket(String orgId, String ticketId) {
            return Optional.empty();
        }
    };
}
