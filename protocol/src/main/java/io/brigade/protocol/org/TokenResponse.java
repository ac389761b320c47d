package io.brigade.protocol.org;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The OAuth client-credentials token answer. */
public record TokenResponse(@JsonProperty("access_token") String accessToken,
                            @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn,
                            String scope) {
}
