package io.brigade.protocol.devices;

/** What devices and the store server agree on beyond the records: how a device's credential and refusals look. */
public final class Devices {
    /** How a device credential begins ({@code Authorization: Bearer bdv_...}). */
    public static final String CREDENTIAL_PREFIX = "bdv_";
    /**
     * How the detail of a revoked device's refusal (403) begins: the device recognises it, stops trying and says
     * that a manager removed it from the store.
     */
    public static final String REVOKED = "device revoked:";

    private Devices() {
    }
}
