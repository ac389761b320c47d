package io.brigade.server.v1;

import io.brigade.server.access.Access;
import io.brigade.server.http.Reply;
import io.brigade.server.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Serves the OpenAPI 3.1 description of the v1 API at {@code GET /api/v1/openapi.json}, no key needed. */
public final class OpenApiRoute {
    private static final String RESOURCE = "/openapi/api-v1.json";

    public void register(Router router) {
        byte[] document = load();
        router.get("/api/v1/openapi.json", Access.open(),
                ex -> new Reply(200, document, "application/json", Map.of("Cache-Control", "max-age=300")));
    }

    private static byte[] load() {
        try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
