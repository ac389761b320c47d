package io.brigade.protocol.apikeys;

/** The create request of the back office's API Key Manager: a name such as "POS Terminal". */
public record NewApiKey(String name) {
}
