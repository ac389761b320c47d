package io.brigade.server.money;

import static io.brigade.protocol.devices.DeviceRole.OFFICE;
import static io.brigade.protocol.devices.DeviceRole.TILL;

import io.brigade.protocol.Data;
import io.brigade.protocol.money.ApprovalAnswer;
import io.brigade.protocol.money.ApprovalAsk;
import io.brigade.protocol.money.ApprovalRequest;
import io.brigade.protocol.money.DrawerMovement;
import io.brigade.protocol.money.MoneySettings;
import io.brigade.protocol.money.Voucher;
import io.brigade.protocol.money.MoneyReport;
import io.brigade.protocol.money.OutboxReport;
import io.brigade.protocol.money.ShiftCount;
import io.brigade.protocol.money.ShiftOpening;
import io.brigade.protocol.money.ZRequest;
import io.brigade.server.access.Access;
import io.brigade.server.http.Exchange;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.util.Map;

/**
 * Money of a store, under {@code /backoffice/v1/orgs/{orgId}/properties/{propertyId}}. Tills (people at a till,
 * a paired till): {@code POST shifts} (open with a float), {@code GET shifts/current?terminal=}, {@code GET
 * shifts/{shiftId}}, {@code POST shifts/{shiftId}/movements} (pay-in, pay-out, no sale), {@code POST
 * shifts/{shiftId}/close} (the blind count), {@code POST outbox} (sales still to sync). Managers and the office:
 * {@code GET x-report}, {@code POST z-reports} (close the day), {@code GET z-reports}, {@code GET
 * z-reports/{zNumber}} and {@code .../csv}, {@code GET audit}. What needs a manager: {@code GET/PUT money-settings};
 * {@code POST approvals} (a manager's PIN at the till, or a manager's session); {@code POST approval-requests} (a
 * till asks the office), {@code GET approval-requests} (the office's list), {@code GET approval-requests/{requestId}}
 * (the till follows it), {@code POST .../approve} and {@code .../refuse} (managers; the answer needs a manager's own
 * session, so that it names a person, checked once the store is known to be the org's), with a reason,
 * {@code POST .../withdraw} (the till stops waiting); {@code GET vouchers/{code}} (a till checks one). The org's vouchers: {@code /backoffice/v1/orgs/{orgId}/vouchers}.
 */
public final class MoneyRoutes {
    private static final String STORE = "/backoffice/v1/orgs/{orgId}/properties/{propertyId}";
    private final MoneyService service;
    private final Approvals approvals;
    private final RemoteApprovals remote;

    public MoneyRoutes(MoneyService service, Approvals approvals, RemoteApprovals remote) {
        this.service = service;
        this.approvals = approvals;
        this.remote = remote;
    }

    public void register(Router router) {
        Access till = Access.till().orDevices(TILL);
        Access office = Access.manager().orDevices(OFFICE, TILL);
        router.post(STORE + "/shifts", till, ex -> {
                    MoneyService.Opened opened = service.open(org(ex), store(ex), ex.caller(),
                            ex.json(ShiftOpening.class));
                    return opened.created() ? Reply.created(opened.shift()) : Reply.ok(opened.shift());
                })
                .get(STORE + "/current-shift", till, ex -> Reply.ok(new Data<>(service.current(org(ex), store(ex),
                        ex.caller(), ex.query("terminal").orElse(null)).orElse(null))))
                .get(STORE + "/shifts/{shiftId}", till, ex -> Reply.ok(service.shift(org(ex), store(ex),
                        ex.caller(), ex.path("shiftId"))))
                .post(STORE + "/shifts/{shiftId}/movements", till, ex -> Reply.ok(service.move(org(ex), store(ex),
                        ex.caller(), ex.path("shiftId"), ex.json(DrawerMovement.class))))
                .post(STORE + "/shifts/{shiftId}/close", till, ex -> Reply.ok(service.close(org(ex), store(ex),
                        ex.caller(), ex.path("shiftId"), ex.json(ShiftCount.class))))
                .post(STORE + "/outbox", till, ex -> {
                    service.outbox(org(ex), store(ex), ex.caller(), ex.json(OutboxReport.class));
                    return Reply.noContent();
                })
                .get(STORE + "/x-report", office, ex -> Reply.ok(service.x(org(ex), store(ex),
                        ex.query("businessDate").orElse(null), ex.query("deviceId").orElse(null),
                        ex.query("shiftId").orElse(null))))
                .post(STORE + "/z-reports", office, ex -> Reply.created(service.z(org(ex), store(ex),
                        ex.json(ZRequest.class), approvals.who(ex.caller()))))
                .get(STORE + "/z-reports", office, ex -> Reply.ok(new Data<>(service.zList(org(ex), store(ex)))))
                .get(STORE + "/z-reports/{zNumber}", office, ex -> Reply.ok(service.zReport(org(ex), store(ex),
                        ex.path("zNumber"))))
                .get(STORE + "/z-reports/{zNumber}/csv", office, ex -> csv(service.zReport(org(ex), store(ex),
                        ex.path("zNumber"))))
                // What needs a manager, and the managers' approvals (a PIN at the till, a session at the office).
                .get(STORE + "/money-settings", Access.till().orDevices(TILL, OFFICE), ex -> Reply.ok(
                        approvals.settings(org(ex), store(ex))))
                .put(STORE + "/money-settings", Access.manager(), ex -> Reply.ok(approvals.saveSettings(org(ex),
                        store(ex), ex.json(MoneySettings.class))))
                .post(STORE + "/approvals", Access.till().orDevices(TILL, OFFICE), ex -> Reply.created(
                        approvals.approve(org(ex), store(ex), ex.caller(), ex.json(ApprovalRequest.class))))
                // A till asks the office for a manager; the office lists, approves or refuses; the till follows.
                .post(STORE + "/approval-requests", till, ex -> {
                    RemoteApprovals.Asked asked = remote.ask(org(ex), store(ex), ex.caller(),
                            ex.json(ApprovalAsk.class));
                    return asked.created() ? Reply.created(asked.request()) : Reply.ok(asked.request());
                })
                .get(STORE + "/approval-requests", Access.manager().orDevices(OFFICE), ex -> Reply.ok(new Data<>(
                        remote.pending(org(ex), store(ex)))))
                .get(STORE + "/approval-requests/{requestId}", Access.till().orDevices(TILL, OFFICE), ex -> Reply.ok(
                        remote.get(org(ex), store(ex), ex.path("requestId"))))
                .post(STORE + "/approval-requests/{requestId}/approve", Access.manager(), ex -> Reply.ok(
                        remote.approve(org(ex), store(ex), ex.caller(), ex.path("requestId"),
                                ex.json(ApprovalAnswer.class))))
                .post(STORE + "/approval-requests/{requestId}/refuse", Access.manager(), ex -> Reply.ok(
                        remote.refuse(org(ex), store(ex), ex.caller(), ex.path("requestId"),
                                ex.json(ApprovalAnswer.class))))
                .post(STORE + "/approval-requests/{requestId}/withdraw", till, ex -> Reply.ok(
                        remote.withdraw(org(ex), store(ex), ex.path("requestId"))))
                .get(STORE + "/vouchers/{code}", till, ex -> Reply.ok(approvals.checkVoucher(org(ex), store(ex),
                        ex.path("code"))))
                .get(STORE + "/audit", Access.manager().orDevices(OFFICE), ex -> Reply.ok(new Data<>(approvals.audit(org(ex), store(ex),
                        ex.query("fromDate").orElse(null), ex.query("toDate").orElse(null),
                        ex.query("action").orElse(null), ex.query("staffName").orElse(null),
                        ex.query("deviceName").orElse(null)))));
        // Vouchers are the org's (a code is good at each of its stores).
        router.get("/backoffice/v1/orgs/{orgId}/vouchers", Access.manager(), ex -> Reply.ok(new Data<>(
                        approvals.vouchers(org(ex)))))
                .post("/backoffice/v1/orgs/{orgId}/vouchers", Access.manager(), ex -> Reply.created(
                        approvals.addVoucher(org(ex), ex.json(Voucher.class))))
                .delete("/backoffice/v1/orgs/{orgId}/vouchers/{code}", Access.manager(), ex -> {
                    approvals.disableVoucher(org(ex), ex.path("code"));
                    return Reply.noContent();
                });
    }

    private static Reply csv(MoneyReport report) {
        String name = "z-" + report.zNumber() + "-" + report.businessDate() + ".csv";
        return new Reply(200, (Reply.Streamed) out -> ReportCsv.write(report, out), "text/csv; charset=utf-8",
                Map.of("Content-Disposition", "attachment; filename=\"" + name + "\""));
    }

    private static String org(Exchange ex) {
        return ex.path("orgId");
    }

    /** The store in the path, once it is known to be the org's: another org's ids answer 404 before any check. */
    private String store(Exchange ex) {
        approvals.requireStore(ex.path("orgId"), ex.path("propertyId"));
        return ex.path("propertyId");
    }
}
