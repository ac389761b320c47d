package io.brigade.protocol.kitchen;

import java.util.List;

/**
 * The stations of one store ({@code GET}/{@code PUT .../kitchen/stations?propertyId=}). A store that never set
 * its stations has one, {@link #DEFAULT_ID}, the catch-all, which makes everything.
 */
public record KitchenStations(String propertyId, List<KitchenStation> stations) {
    /** The station of a store without stations of its own. */
    public static final String DEFAULT_ID = "kitchen";
    /** A kitchen screen that shows whole tickets instead of one station's items; no station may take this id. */
    public static final String EXPO = "expo";
}
