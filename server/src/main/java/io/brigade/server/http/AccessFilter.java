package io.brigade.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.protocol.Problem;
import io.brigade.server.access.Access;
import io.brigade.server.access.Caller;
import io.brigade.server.access.StoreLookup;
import io.brigade.server.domain.ForbiddenException;
import io.brigade.server.domain.InvalidInputException;
import io.brigade.server.domain.NotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Enforces a route's {@link Access} rule before the route runs, the same way for every route: find the caller
 * from the credential the rule names; refuse an org in the path the caller does not reach (404, as an unknown org:
 * a caller learns nothing about other orgs); refuse a caller the rule does not admit (403 saying why); and for a
 * caller limited to some stores, answer 404 for another store's property, channel or sale in the path and 422 for
 * another store's channel named in the body.
 */
final class AccessFilter {
    private final CallerAuthenticator authenticator;
    private final StoreLookup stores;

    AccessFilter(CallerAuthenticator authenticator, StoreLookup stores) {
        this.authenticator = authenticator;
        this.stores = stores;
    }

    /** Lets the exchange through to its route or throws a domain refusal; sets the exchange's caller. */
    void admit(Exchange exchange, Access access) {
        if (access.credential() == Access.Credential.NONE) {
            return;
        }
        Caller caller = authenticator.authenticate(exchange.request(), access.credential());
        String orgId = exchange.pathParam("orgId").orElse(null);
        if (orgId != null && !caller.reaches(orgId)) {
            throw new NotFoundException("org " + orgId);
        }
        Optional<Instant> revoked = caller.revokedAt();
        if (revoked.isPresent() && !handsInBefore(exchange, access, revoked.get())) {
            throw new ForbiddenException(caller.revocation());
        }
        String refusal = access.refusal(caller, orgId);
        if (refusal != null) {
            throw new ForbiddenException(refusal);
        }
        exchange.caller(caller);
        if (orgId != null) {
            caller.storesOn(orgId).ifPresent(limited -> checkStores(exchange, access, orgId, limited));
        }
    }

    private void checkStores(Exchange exchange, Access access, String orgId, Set<String> limited) {
        if (access.wholeOrg()) {
            throw new ForbiddenException("a credential limited to some stores cannot call this route: what it "
                    + "sends names stores freely");
        }
        Optional<String> property = exchange.pathParam("propertyId");
        if (property.isPresent() && !limited.contains(property.get())) {
            throw new NotFoundException("property " + property.get());
        }
        Optional<String> asked = exchange.query("propertyId");
        if (asked.isPresent() && !limited.contains(asked.get())) {
            throw new NotFoundException("property " + asked.get());
        }
        Optional<String> channel = exchange.pathParam("salesChannelId");
        if (channel.isPresent() && !inStores(stores.propertyOfChannel(orgId, channel.get()), limited)) {
            throw new NotFoundException("sales channel " + channel.get());
        }
        Optional<String> sale = exchange.pathParam("saleId");
        if (sale.isPresent() && !inStores(stores.propertyOfSale(orgId, sale.get()), limited)) {
            throw new NotFoundException("sale " + sale.get());
        }
        Optional<String> ticket = exchange.pathParam("ticketId");
        if (ticket.isPresent() && !inStores(stores.propertyOfTicket(orgId, ticket.get()), limited)) {
            throw new NotFoundException("ticket " + ticket.get());
        }
        Optional<String> check = exchange.pathParam("checkId");
        if (check.isPresent() && !inStores(stores.propertyOfCheck(orgId, check.get()), limited)) {
            throw new NotFoundException("check " + check.get());
        }
        if (!access.channelFields().isEmpty() || !access.storeFields().isEmpty()) {
            checkBody(exchange, access, orgId, limited);
        }
    }

    private void checkBody(Exchange exchange, Access access, String orgId, Set<String> limited) {
        JsonNode body = body(exchange);
        if (body == null) {
            return; // the route itself answers the syntax error or the missing body
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String path : access.channelFields()) {
            visit(body, path, path.replace("[]", ""), (field, named) -> {
                if (named.isTextual()) {
                    checkChannel(field, named.asText(), orgId, limited, errors);
                } else if (named.isArray()) {
                    for (int i = 0; i < named.size(); i++) {
                        if (named.get(i).isTextual()) {
                            checkChannel(field + "[" + i + "]", named.get(i).asText(), orgId, limited, errors);
                        }
                    }
                }
            });
        }
        for (String path : access.storeFields()) {
            visit(body, path, path.replace("[]", ""), (field, named) -> {
                if (!named.isTextual() || !limited.contains(named.asText())) {
                    errors.add(new Problem.FieldError(field, named.isTextual()
                            ? "property " + named.asText() + " is not a store this credential may reach"
                            : "is required: this credential reaches some stores only and must name one of them"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(errors);
        }
    }

    /**
     * Calls {@code each} with the field path as the client sees it and the node at {@code path} ({@code a.b},
     * {@code list[].field}); a missing leaf is visited as a missing node, a missing list as nothing.
     */
    private static void visit(JsonNode node, String path, String shown, BiConsumer<String, JsonNode> each) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        if (head.endsWith("[]")) {
            String name = head.substring(0, head.length() - 2);
            JsonNode list = node.path(name);
            String prefix = shownPrefix(shown, name);
            for (int i = 0; i < list.size(); i++) {
                String element = prefix + "[" + i + "]";
                if (rest == null) {
                    each.accept(element, list.get(i));
                } else {
                    visit(list.get(i), rest, element + "." + rest.replace("[]", ""), each);
                }
            }
            return;
        }
        if (rest == null) {
            each.accept(shown, node.path(head));
        } else if (node.has(head)) {
            visit(node.get(head), rest, shown, each);
        }
    }

    private static String shownPrefix(String shown, String name) {
        int at = shown.indexOf(name);
        return shown.substring(0, at + name.length());
    }

    private static JsonNode body(Exchange exchange) {
        try {
            byte[] bytes = exchange.body(); // kept by the exchange: the route reads the same bytes
            return bytes.length == 0 ? null : Json.mapper().readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * True when the route lets a revoked caller hand in work and the earliest instant at its time fields (the
     * sale rung, a payment taken) is before the revocation.
     */
    private static boolean handsInBefore(Exchange exchange, Access access, Instant revokedAt) {
        if (access.handInFields().isEmpty()) {
            return false;
        }
        JsonNode body = body(exchange);
        if (body == null) {
            return false;
        }
        Instant[] earliest = {null};
        for (String path : access.handInFields()) {
            visit(body, path, path, (field, time) -> {
                try {
                    Instant at = time.isTextual() ? Instant.parse(time.asText()) : null;
                    if (at != null && (earliest[0] == null || at.isBefore(earliest[0]))) {
                        earliest[0] = at;
                    }
                } catch (DateTimeParseException e) {
                    // not a time: it proves nothing
                }
            });
        }
        return earliest[0] != null && earliest[0].isBefore(revokedAt);
    }

    private void checkChannel(String field, String channel, String orgId, Set<String> limited,
                              List<Problem.FieldError> errors) {
        if (!inStores(stores.propertyOfChannel(orgId, channel), limited)) {
            errors.add(new Problem.FieldError(field, "sales channel " + channel
                    + " is not in a store this credential may reach"));
        }
    }

    // Unknown ids are left to the route (it answers 404 for them as for anyone).
    private static boolean inStores(Optional<String> property, Set<String> limited) {
        return property.isEmpty() || limited.contains(property.get());
    }
}
