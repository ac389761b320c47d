package io.brigade.protocol.devices;

/**
 * {@code GET /store/v1/hello}, open to anyone: a new device's first contact, over HTTPS, to see the server's
 * certificate before it sends a pairing code. {@code name} is the store server's name (its computer's name).
 */
public record StoreHello(String name, String version) {
}
