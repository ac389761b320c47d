package io.brigade.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.protocol.Json;
import io.brigade.server.support.ApiClient;
import io.brigade.server.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Headers on every answer, secrets never cached, and Jetty's own error answers as problems. */
class HttpHardeningTest {
    private static TestServer.Tenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = TestServer.of("h2").newTenant();
    }

    private String org() {
        return "/backoffice/v1/orgs/" + tenant.ids().orgId();
    }

    @Test
    void answersOfRoutesCarryNosniff() {
        assertEquals("nosniff", tenant.api().get("/orgManagement/orgs").header("X-Content-Type-Options"));
    }

    @Test
    void refusalsCarryNosniff() {
        ApiClient anonymous = new ApiClient(tenant.api().base());
        assertEquals("nosniff", anonymous.get("/orgManagement/orgs").header("X-Content-Type-Options"));
        assertEquals("nosniff", anonymous.get("/no/such/path").header("X-Content-Type-Options"));
    }

    @Test
    void noAnswerNamesTheServer() {
        assertNull(tenant.api().get("/orgManagement/orgs").header("Server"));
        assertNull(new ApiClient(tenant.api().base()).get("/no/such/path").header("Server"));
    }

    @Test
    void apiKeyCreationIsNotCached() {
        assertNoStore(tenant.api().post(org() + "/api-keys", Map.of("name", "POS Terminal")), 201);
    }

    @Test
    void oauthAppCreationIsNotCached() {
        assertNoStore(tenant.api().post(org() + "/oauth-apps", Map.of("name", "Analytics")), 201);
    }

    @Test
    void oauthSecretRotationIsNotCached() {
        ApiClient.Response created = tenant.api().post(org() + "/oauth-apps", Map.of("name", "Rotated"));
        String clientId = created.json().get("data").get("clientId").asText();
        assertNoStore(tenant.api().post(org() + "/oauth-apps/" + clientId + "/rotate-secret", Map.of()), 200);
    }

    @Test
    void webhookSecretIsNotCached() {
        Map<String, Object> hook = new LinkedHashMap<>();
        hook.put("callbackUrl", "https://8.8.8.8/hook");
        hook.put("eventTypes", List.of("sales.created.v1"));
        assertNoStore(tenant.api().post(org() + "/webhooks", hook), 201);
    }

    @Test
    void accessTokenIsNotCached() {
        assertNoStore(new ApiClient(tenant.api().base()).form("/identity/connect/token", Map.of("grant_type",
                "client_credentials", "client_id", tenant.ids().clientId(), "client_secret",
                tenant.ids().clientSecret(), "scope", "api")), 200);
    }

    private static void assertNoStore(ApiClient.Response r, int status) {
        assertEquals(status, r.status(), r.body());
        assertEquals("no-store", r.header("Cache-Control"), r.body());
    }

    /** A malformed request line, an over-long URI and over-large headers, each refused by Jetty itself. */
    @ParameterizedTest
    @ValueSource(ints = {400, 414, 431})
    void jettysOwnRefusalsAreProblemsWithoutVersions(int status) throws Exception {
        String request = switch (status) {
            case 400 -> "GET /orgManagement/orgs HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n";
            case 414 -> "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
            default -> "GET /orgManagement/orgs HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(70_000)
                    + "\r\n\r\n";
        };
        Raw answer = raw(tenant.api().base(), request);
        assertEquals(status, answer.status(), answer.text());
        assertEquals("application/problem+json", answer.header("content-type"), answer.text());
        assertEquals("nosniff", answer.header("x-content-type-options"), answer.text());
        assertNull(answer.header("server"), answer.text());
        JsonNode problem = Json.mapper().readTree(answer.body());
        assertEquals(status, problem.get("status").asInt());
        assertFalse(answer.text().toLowerCase(Locale.ROOT).contains("jetty"), answer.text());
    }

    @Test
    void requestJettyCannotReadIsAnsweredWithConnectionClose() throws Exception {
        Raw answer = raw(tenant.api().base(), "DELETE /backoffice/v1/orgs/" + tenant.ids().orgId()
                + "/api-keys/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(400, answer.status(), answer.text());
        assertEquals("close", answer.header("connection"), "the connection is closed: a kept-alive client must "
                + "not send its next request into it");
    }

    @Test
    void unknownPathIsAProblemWithoutVersion() throws Exception {
        Raw answer = raw(tenant.api().base(), "GET /nothing/here HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(404, answer.status());
        assertEquals("application/problem+json", answer.header("content-type"));
        assertFalse(answer.text().toLowerCase(Locale.ROOT).contains("jetty"), answer.text());
    }

    private record Raw(int status, Map<String, String> headers, String body, String text) {
        String header(String name) {
            return headers.get(name);
        }
    }

    // A raw socket: java.net.http refuses to send most of these requests.
    private static Raw raw(URI base, String request) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            String text;
            int headEnd;
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (java.net.SocketException reset) {
                    n = -1; // the server may reset after answering a request it did not read to the end
                }
                if (n < 0) {
                    break;
                }
                all.write(buf, 0, n);
                text = all.toString(StandardCharsets.ISO_8859_1);
                headEnd = text.indexOf("\r\n\r\n");
                if (headEnd >= 0) {
                    Map<String, String> headers = headers(text.substring(0, headEnd));
                    String length = headers.get("content-length");
                    if (length != null && all.size() >= headEnd + 4 + Integer.parseInt(length)) {
                        break;
                    }
                }
            }
            text = all.toString(StandardCharsets.UTF_8);
            headEnd = text.indexOf("\r\n\r\n");
            String head = text.substring(0, headEnd);
            int status = Integer.parseInt(head.split(" ")[1]);
            return new Raw(status, headers(head), text.substring(headEnd + 4), text);
        }
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return headers;
    }
}
