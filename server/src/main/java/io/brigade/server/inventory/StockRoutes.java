package io.brigade.server.inventory;

import io.brigade.protocol.Data;
import io.brigade.server.access.Access;
import io.brigade.server.db.Database;
import io.brigade.server.domain.NotFoundException;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import io.brigade.server.domain.Validation;
import io.brigade.server.menus.PublishedMenus;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Stock in the back office: {@code GET /backoffice/v1/orgs/{orgId}/stock} lists tracked items;
 * {@code PUT .../stock/{menuItemId}} sets a level (restock or stock take); {@code DELETE} stops tracking.
 */
public final class StockRoutes {
    private static final String STOCK = "/backoffice/v1/orgs/{orgId}/stock";
    private static final int MAX_LEVEL = 1_000_000;

    private final Database database;
    private final StockRepository stock;
    private final PublishedMenus menus;
    private final Clock clock;
    private final StockOut stockOut;
    private final Consumer<String> afterCommit;

    /** {@code afterCommit} hears the org's id once a change has committed (the v1 cache, the dispatcher). */
    public StockRoutes(Database database, StockRepository stock, PublishedMenus menus, Clock clock, StockOut stockOut,
                       Consumer<String> afterCommit) {
        this.database = database;
        this.stock = stock;
        this.menus = menus;
        this.clock = clock;
        this.stockOut = stockOut;
        this.afterCommit = afterCommit;
    }

    /** The body of a PUT: how many are on hand now. */
    public record SetLevel(Integer quantity) {
    }

    public void register(Router router) {
        router.get(STOCK, Access.manager(), this::list)
                .get(STOCK + "/{menuItemId}", Access.manager(), this::read)
                .put(STOCK + "/{menuItemId}", Access.manager(), this::set)
                .delete(STOCK + "/{menuItemId}", Access.manager(), this::untrack);
    }

    private Reply list(Exchange ex) {
        return Reply.ok(new Data<>(database.read(c -> stock.levels(c, ex.path("orgId")))));
    }

    private Reply read(Exchange ex) {
        String itemId = ex.path("menuItemId");
        return Reply.ok(database.read(c -> stock.level(c, ex.path("orgId"), itemId))
                .orElseThrow(() -> new NotFoundException("stock of meal " + itemId)));
    }

    private Reply set(Exchange ex) throws Exception {
        SetLevel body = ex.json(SetLevel.class);
        Validation v = new Validation();
        if (v.require(body.quantity(), "quantity") && (body.quantity() < 0 || body.quantity() > MAX_LEVEL)) {
            v.error("quantity", "must be between 0 and " + MAX_LEVEL);
        }
        v.throwIfMalformed();
        String orgId = ex.path("orgId");
        String itemId = ex.path("menuItemId");
        StockRepository.StockLevel level = database.inTransaction(c -> {
            if (menus.item(c, orgId, itemId).isEmpty()) {
                throw new NotFoundException("meal " + itemId);
            }
            boolean wasOut = stock.level(c, orgId, itemId).map(l -> l.quantity() <= 0).orElse(false);
            stock.set(c, orgId, itemId, body.quantity(), clock.instant());
            if (wasOut && body.quantity() > 0) {
                stockOut.restocked(c, orgId, itemId);
            }
            return stock.level(c, orgId, itemId).orElseThrow();
        });
        afterCommit.accept(orgId);
        return Reply.ok(level);
    }

    private Reply untrack(Exchange ex) {
        String itemId = ex.path("menuItemId");
        String orgId = ex.path("orgId");
        if (!database.inTransaction(c -> {
            // An untracked item is never out of stock: lift a stock-out snooze with the tracking.
            if (stock.level(c, orgId, itemId).map(l -> l.quantity() <= 0).orElse(false)) {
                stockOut.restocked(c, orgId, itemId);
            }
            return stock.delete(c, orgId, itemId);
        })) {
            throw new NotFoundException("stock of meal " + itemId);
        }
        afterCommit.accept(orgId);
        return Reply.noContent();
    }
}
