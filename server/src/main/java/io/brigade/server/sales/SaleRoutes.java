package io.brigade.server.sales;

import static io.brigade.protocol.devices.DeviceRole.TILL;
import static io.brigade.server.access.Scopes.SALES_READ;
import static io.brigade.server.access.Scopes.SALES_WRITE;

import io.brigade.protocol.Data;
import io.brigade.protocol.Headers;
import io.brigade.protocol.sales.CancelSale;
import io.brigade.protocol.sales.RefundRequest;
import io.brigade.protocol.sales.Sale;
import io.brigade.protocol.sales.StatusUpdate;
import io.brigade.server.access.Access;
import io.brigade.server.access.Caller;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;

/**
 * The Sales Management API under {@code /salesManagement/orgs/{orgId}} and the same routes under the
 * marketplace guide's {@code /sales/orgs/{orgId}} alias, where a push without {@code x-idempotency-key} is
 * deduplicated on its {@code externalId} within its channel.
 */
public final class SaleRoutes {
    private final SaleService service;
    private final RefundGate refundGate;

    public SaleRoutes(SaleService service) {
        this(service, RefundGate.NONE);
    }

    /** {@code refundGate}: what the store asks of a refund (money control's approvals and audit). */
    public SaleRoutes(SaleService service, RefundGate refundGate) {
        this.service = service;
        this.refundGate = refundGate;
    }

    public void register(Router router) {
        for (String base : new String[] {"/salesManagement/orgs/{orgId}", "/sales/orgs/{orgId}"}) {
            // The marketplace guide sends no key and uses externalId as its idempotency key.
            boolean marketplace = base.startsWith("/sales/");
            router.post(base + "/sales", Access.scope(SALES_WRITE).channelsInBody("salesChannelId").orDevices(TILL)
                            .handInBeforeRevocation("requestedFulfillmentTime", "payments[].paidAt"),
                            ex -> create(ex, marketplace))
                    .get(base + "/salesChannels/{salesChannelId}/sales", Access.scope(SALES_READ), ex -> list(
                            service.list(org(ex), ex.path("salesChannelId"), ex.query("fromDate").orElse(null),
                                    ex.query("toDate").orElse(null))))
                    .get(base + "/salesChannels/{salesChannelId}/sales/{saleId}", Access.scope(SALES_READ).orDevices(TILL), ex -> Reply.ok(new Data<>(
                            service.detail(org(ex), ex.path("salesChannelId"), ex.path("saleId")))))
                    .post(base + "/sales/{saleId}/cancel", Access.scope(SALES_WRITE).orDevices(TILL), ex -> Reply.ok(new Data<>(
                            service.cancel(org(ex), ex.path("saleId"), ex.json(CancelSale.class)))))
                    .post(base + "/sales/{saleId}/refunds", Access.scope(SALES_WRITE).orDevices(TILL), ex -> Reply.ok(
                            new Data<>(service.refund(org(ex), ex.path("saleId"), ex.json(RefundRequest.class),
                                    till(ex), refundGate))))
                    .post(base + "/sales/{saleId}/deliveryStatus", Access.scope(SALES_WRITE), ex -> Reply.ok(new Data<>(
                            service.deliveryStatus(org(ex), ex.path("saleId"), ex.json(StatusUpdate.class)))))
                    .post(base + "/sales/{saleId}/posStatus", Access.scope(SALES_WRITE), ex -> Reply.ok(new Data<>(
                            service.posStatus(org(ex), ex.path("saleId"), ex.json(StatusUpdate.class)))));
        }
    }

    /** {@code {"data": [header, ...]}}, written as the headers are read: a year of a channel may be a million. */
    private static Reply list(SaleService.Headers headers) {
        return Reply.streamed(out -> {
            try (com.fasterxml.jackson.core.JsonGenerator json = io.brigade.protocol.Json.mapper().getFactory()
                    .createGenerator(out)) {
                json.setCodec(io.brigade.protocol.Json.mapper());
                json.writeStartObject();
                json.writeArrayFieldStart("data");
                try {
                    headers.forEach(json::writeObject);
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        });
    }

    private Reply create(Exchange ex, boolean marketplace) throws Exception {
        String key = ex.header(Headers.IDEMPOTENCY_KEY);
        Sale sale = ex.json(Sale.class);
        TillOrigin till = till(ex);
        PushedSale pushed = marketplace ? service.createKeyedByExternalId(org(ex), key, sale, ex.body(), till)
                : service.create(org(ex), key, sale, ex.body(), till);
        return Reply.raw(201, pushed.body());
    }

    private static TillOrigin till(Exchange ex) {
        return ex.caller() instanceof Caller.Device d && d.role() == TILL
                ? new TillOrigin(d.deviceId(), d.name(), d.displayPrefix()) : null;
    }

    private static String org(Exchange ex) {
        return ex.path("orgId");
    }
}
