package io.brigade.server.menus;

import io.brigade.protocol.menus.Publication;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that commits with a publication (the menu.published.v1 outbox row); throwing undoes the publish. It is
 * given the revision's header, not its content: a revision may be a 100,000-item menu.
 */
public interface MenuPublishObserver {
    void published(Connection c, String orgId, Publication publication, MenuRepository.RevisionHeader revision)
            throws SQLException;
}
