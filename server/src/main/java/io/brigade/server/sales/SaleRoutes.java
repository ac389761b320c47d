package io.brigade.server.sales;

import static io.brigade.protocol.devices.DeviceRole.TILL;
import static io.brigade.server.access.Scopes.SALES_READ;
import static io.brigade.server.access.Scopes.SALES_WRITE;

import io.brigade.protocol.Data;
import io.brigade.protocol.Headers;
import io.brigade.protocol.sales.CancelSale;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.StatusUpdate;
import io.brigade.server.access.Access;
import io.brigade.server.access.Caller;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;

/**
 * The Sales Management API under {@code /salesManagement/orgs/{orgId}} and the same routes under the
 * marketplace guide's {@code /sales/orgs/{orgId}} alias.
 */
public final class SaleRoutes {
    private final SaleService service;

    public SaleRoutes(SaleService service) {
        this.service = service;
    }

    public void register(Router router) {
        for (String base : new String[] {"/salesManagement/orgs/{orgId}", "/sales/orgs/{orgId}"}) {
            router.post(base + "/sales", Access.scope(SALES_WRITE).channelsInBody("salesChannelId").orDevices(TILL)
                            .handInBeforeRevocation("requestedFulfillmentTime", "payments[].paidAt"), this::create)
                    .get(base + "/salesChannels/{salesChannelId}/sales", Access.scope(SALES_READ), ex -> Reply.ok(new Data<>(
                            service.list(org(ex), ex.path("salesChannelId"), ex.query("fromDate").orElse(null),
                                    ex.query("toDate").orElse(null)))))
                    .get(base + "/salesChannels/{salesChannelId}/sales/{saleId}", Access.scope(SALES_READ).orDevices(TILL), ex -> Reply.ok(new Data<>(
                            service.detail(org(ex), ex.path("salesChannelId"), ex.path("saleId")))))
                    .post(base + "/sales/{saleId}/cancel", Access.scope(SALES_WRITE).orDevices(TILL), ex -> Reply.ok(new Data<>(
                            service.cancel(org(ex), ex.path("saleId"), ex.json(CancelSale.class)))))
                    .post(base + "/sales/{saleId}/deliveryStatus", Access.scope(SALES_WRITE), ex -> Reply.ok(new Data<>(
                            service.deliveryStatus(org(ex), ex.path("saleId"), ex.json(StatusUpdate.class)))))
                    .post(base + "/sales/{saleId}/posStatus", Access.scope(SALES_WRITE), ex -> Reply.ok(new Data<>(
                            service.posStatus(org(ex), ex.path("saleId"), ex.json(StatusUpdate.class)))));
        }
    }

    private Reply create(Exchange ex) throws Exception {
        String key = ex.header(Headers.IDEMPOTENCY_KEY);
        Sale sale = ex.json(Sale.class);
        TillOrigin till = ex.caller() instanceof Caller.Device d && d.role() == TILL
                ? new TillOrigin(d.deviceId(), d.name(), d.displayPrefix()) : null;
        return Reply.raw(201, service.create(org(ex), key, sale, ex.body(), till).body());
    }

    private static String org(Exchange ex) {
        return ex.path("orgId");
    }
}
