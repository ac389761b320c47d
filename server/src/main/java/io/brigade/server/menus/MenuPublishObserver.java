package io.brigade.server.menus;

import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.menus.Publication;
import java.sql.Connection;
import java.sql.SQLException;

/** Work that commits with a publication (the menu.published.v1 outbox row); throwing undoes the publish. */
public interface MenuPublishObserver {
    void published(Connection c, String orgId, Publication publication, MenuRevision revision) throws SQLException;
}
