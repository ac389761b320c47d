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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        Optional<String> channel = exchange.pathParam("salesChannelId");
        if (channel.isPresent() && !inStores(stores.propertyOfChannel(orgId, channel.get()), limited)) {
            throw new NotFoundException("sales channel " + channel.get());
        }
        Optional<String> sale = exchange.pathParam("saleId");
        if (sale.isPresent() && !inStores(stores.propertyOfSale(orgId, sale.get()), limited)) {
            throw new NotFoundException("sale " + sale.get());
        }
        if (!access.channelFields().isEmpty()) {
            checkBodyChannels(exchange, access.channelFields(), orgId, limited);
        }
    }

    private void checkBodyChannels(Exchange exchange, List<String> fields, String orgId, Set<String> limited) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(exchange.body());
        } catch (IOException e) {
            return; // the route itself answers the syntax error
        }
        if (body == null) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String field : fields) {
            JsonNode named = body.path(field);
            if (named.isTextual()) {
                checkChannel(field, named.asText(), orgId, limited, errors);
            } else if (named.isArray()) {
                for (int i = 0; i < named.size(); i++) {
                    if (named.get(i).isTextual()) {
                        checkChannel(field + "[" + i + "]", named.get(i).asText(), orgId, limited, errors);
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(errors);
        }
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
