package io.brigade.protocol.store;

import java.util.List;

/**
 * The printers of one store ({@code GET}/{@code PUT /backoffice/v1/orgs/{orgId}/store/printers?propertyId=}), in
 * the order the back office lists them. A printer's id is kept across edits; leave it out for a new printer and the
 * server makes one.
 */
public record StorePrinters(String propertyId, List<StorePrinter> printers) {
}
