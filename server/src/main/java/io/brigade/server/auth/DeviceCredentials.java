package io.brigade.server.auth;

import io.brigade.server.access.Caller;
import java.util.Optional;

/** Finds the paired device holding a device credential ({@code bdv_...}); the devices feature implements it. */
@FunctionalInterface
public interface DeviceCredentials {

    /** The device, revoked or not (a revoked device is told so, and a till may still hand in old sales). */
    Optional<Caller.Device> find(String credential);

    /** No devices (a server built without them). */
    DeviceCredentials NONE = credential -> Optional.empty();
}
