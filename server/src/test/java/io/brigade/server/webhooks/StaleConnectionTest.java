package io.brigade.server.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brigade.server.bootstrap.DemoBootstrap;
import io.brigade.server.support.ApiClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A receiver that drops each kept-alive connection after answering: the next delivery still succeeds. */
class StaleConnectionTest {

    @Test
    void deliveryOverAConnectionTheReceiverClosedIsSentAgainOnAFreshOne() throws Exception {
        try (WebhookHarness h = new WebhookHarness("h2"); ClosingReceiver receiver = new ClosingReceiver()) {
            DemoBootstrap.Result org = h.newOrg();
            ApiClient api = h.api(org);
            String subId = WebhookDeliveryTest.subscribe(api, org.orgId(), receiver.url(),
                    List.of("sales.created.v1"));
            WebhookDeliveryTest.sale(api, org, h.clock.instant());
            assertEquals(1, h.dispatcher().drain());
            // The first answer said nothing about closing, so the client keeps that connection for the next one.
            WebhookDeliveryTest.sale(api, org, h.clock.instant());
            assertEquals(1, h.dispatcher().drain());

            assertEquals(2, receiver.answered.get(), "both deliveries reached the receiver");
            assertEquals(0, api.get("/webhooks/orgs/" + org.orgId() + "/subscriptions/" + subId).json().get("data")
                    .get("consecutiveFailures").asInt(), "no attempt failed");
        }
    }

    /** Answers 200 to one request per connection, then closes it without a Connection: close header. */
    private static final class ClosingReceiver implements AutoCloseable {
        final AtomicInteger answered = new AtomicInteger();
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread thread = new Thread(this::serve, "closing-receiver");

        ClosingReceiver() throws Exception {
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hook";
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    int length = 0;
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).strip());
                        }
                    }
                    for (int i = 0; i < length; i++) {
                        in.read();
                    }
                    OutputStream out = connection.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    answered.incrementAndGet();
                } catch (Exception e) {
                    // the socket was closed by close(), or a client went away: take the next connection
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5_000);
        }
    }
}
