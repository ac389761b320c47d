package io.brigade.protocol.devices;

/**
 * {@code POST /store/v1/pairings}, sent by a new device over HTTPS to the server whose certificate the person
 * accepted: the code from the back office and, optionally, the device's own name (the computer's name).
 */
public record PairingRequest(String code, String name) {
}
