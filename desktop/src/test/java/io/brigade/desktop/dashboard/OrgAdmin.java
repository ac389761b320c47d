package io.brigade.desktop.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.desktop.support.LiveServer;
import io.brigade.protocol.Json;
import io.brigade.server.bootstrap.DemoBootstrap;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Org changes a test needs, made over HTTP with the org's own client credentials, as an owner would. */
final class OrgAdmin {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OrgAdmin() {
    }

    /** Adds a sales channel to the tenant's property; answers its id. */
    static String addChannel(LiveServer server, DemoBootstrap.Result tenant, String name, String type)
            throws Exception {
        String body = Json.mapper().writeValueAsString(Map.of("brandId", tenant.brandId(), "name", name,
                "salesChannelType", type, "dispatchTypes", List.of("Delivery")));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/orgManagement/orgs/"
                        + tenant.orgId() + "/properties/" + tenant.propertyId() + "/salesChannels"))
                .header("Authorization", "Bearer " + token(server, tenant)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("adding a channel answered " + r.statusCode() + ": " + r.body());
        }
        return Json.mapper().readTree(r.body()).path("data").path("salesChannelId").asText();
    }

    private static String token(LiveServer server, DemoBootstrap.Result tenant) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + enc(tenant.clientId()) + "&client_secret="
                + enc(tenant.clientSecret());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = Json.mapper().readTree(r.body());
        return json.path("access_token").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
