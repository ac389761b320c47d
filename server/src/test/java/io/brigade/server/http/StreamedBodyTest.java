package io.brigade.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.brigade.server.access.Access;
import io.brigade.server.access.StoreLookup;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A route that parses its body as it arrives, with its own limit, over real HTTP. */
class StreamedBodyTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int LIMIT = 4_096;
    private Server jetty;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        Router router = new Router((request, credential) -> {
            throw new AssertionError("an open route authenticates nobody");
        }, StoreLookup.NONE);
        router.post("/echo", Access.open(), ex -> Reply.ok(ex.streamedJson(JsonNode.class, LIMIT).size()));
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        jetty.addConnector(connector);
        jetty.setHandler(router.build());
        jetty.start();
        uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/echo");
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsParsed() throws Exception {
        HttpResponse<String> r = post(array(LIMIT - 100));
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefusedWith413() throws Exception {
        HttpResponse<String> r = post(array(LIMIT * 4));
        assertEquals(413, r.statusCode(), r.body());
    }

    @Test
    void anEmptyBodyIsRefusedAsMissing() throws Exception {
        HttpResponse<String> r = post(new byte[0]);
        assertEquals(400, r.statusCode());
        assertEquals("request body is required", io.brigade.protocol.Json.mapper().readTree(r.body())
                .get("detail").asText());
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        // An input stream of unknown length makes the client send the body chunked, with no Content-Length.
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] array(int bytes) {
        StringBuilder json = new StringBuilder("[");
        while (json.length() < bytes - 10) {
            json.append(json.length() == 1 ? "" : ",").append("12345");
        }
        return json.append("]").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
