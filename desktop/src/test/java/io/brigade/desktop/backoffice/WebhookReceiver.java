package io.brigade.desktop.backoffice;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP endpoint on this machine that answers every webhook delivery with one status code. */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer http;
    final AtomicInteger received = new AtomicInteger();

    WebhookReceiver(int status) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            byte[] body = "receiver says no".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
