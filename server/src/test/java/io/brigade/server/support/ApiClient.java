package io.brigade.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small real HTTP client for tests: JSON in, status and JSON out. */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;
    private final Map<String, String> headers;

    public ApiClient(URI base) {
        this(base, Map.of());
    }

    private ApiClient(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    public URI base() {
        return base;
    }

    /** A copy that sends {@code name: value} on every request. */
    public ApiClient with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiClient(base, copy);
    }

    /** Runs the client-credentials grant and returns a client that sends the bearer token. */
    public ApiClient withToken(String clientId, String clientSecret) {
        Response r = form("/identity/connect/token", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", clientSecret, "scope", "api"));
        if (r.status() != 200) {
            throw new IllegalStateException("token request failed: " + r);
        }
        return with("Authorization", "Bearer " + r.json().get("access_token").asText());
    }

    /** A status, the raw body and its headers. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response post(String path, Object body, String headerName, String headerValue) {
        return send(builder(path).header("Content-Type", "application/json").header(headerName, headerValue)
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response send(String method, String path, String rawBody) {
        return send(builder(path).header("Content-Type", "application/json")
                .method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(rawBody)));
    }

    public Response form(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        headers.forEach(b::header);
        return b;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
