package io.brigade.server.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rotating an OAuth app's secret: the old one gets tokens for 24 hours, then not; deleting the app revokes all. */
class SecretRotationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void oldSecretWorksThroughTheGracePeriodThenStops(String db) throws Exception {
        try (AppHarness h = new AppHarness(db)) {
            DemoBootstrap.Result dev = h.newOrg("Rotating Co");
            ApiClient api = h.api(dev);
            JsonNode app = AppHarness.createOAuthApp(api, dev.orgId(), "Rotator", null);
            String clientId = app.get("clientId").asText();
            String first = app.get("clientSecret").asText();
            String base = "/backoffice/v1/orgs/" + dev.orgId() + "/oauth-apps/" + clientId;

            ApiClient.Response rotated = api.post(base + "/rotate-secret", Map.of());
            assertEquals(200, rotated.status(), rotated.body());
            String second = rotated.json().get("data").get("clientSecret").asText();
            assertNotEquals(first, second);
            Instant until = Instant.parse(rotated.json().get("data").get("previousSecretExpiresAt").asText());
            assertEquals(h.clock.instant().plus(OAuthAppService.GRACE), until);

            assertEquals(200, h.tokenRequest(clientId, first).status(), "old secret inside the grace period");
            assertEquals(200, h.tokenRequest(clientId, second).status());
            h.clock.advance(OAuthAppService.GRACE.minusSeconds(1));
            assertEquals(200, h.tokenRequest(clientId, first).status(), "one second before the end");
            h.clock.advance(Duration.ofSeconds(1));
            ApiClient.Response late = h.tokenRequest(clientId, first);
            assertEquals(401, late.status());
            assertEquals("invalid_client", late.json().get("error").asText());
            assertEquals(200, h.tokenRequest(clientId, second).status());

            // A second rotation keeps only the latest previous secret.
            api = h.api(dev); // the manager's own token expired while the clock moved a day
            String third = api.post(base + "/rotate-secret", Map.of()).json().get("data").get("clientSecret").asText();
            String fourth = api.post(base + "/rotate-secret", Map.of()).json().get("data").get("clientSecret")
                    .asText();
            assertEquals(401, h.tokenRequest(clientId, second).status(), "rotated out twice: stops at once");
            assertEquals(200, h.tokenRequest(clientId, third).status());
            assertEquals(200, h.tokenRequest(clientId, fourth).status());

            // Deleting the app ends its tokens at once.
            ApiClient token = h.token(clientId, fourth);
            assertEquals(200, token.get("/orgManagement/orgs").status());
            assertEquals(204, api.send("DELETE", base, null).status());
            assertEquals(401, token.get("/orgManagement/orgs").status());
            assertEquals(401, h.tokenRequest(clientId, fourth).status());
            assertEquals(404, api.get(base).status());
        }
    }
}
