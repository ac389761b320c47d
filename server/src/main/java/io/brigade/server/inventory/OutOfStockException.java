package io.brigade.server.inventory;

import io.brigade.server.domain.ConflictException;

/** A sale asks for more of a tracked item than is left and the item may not go below zero. */
public final class OutOfStockException extends ConflictException {

    OutOfStockException(String detail) {
        super(detail);
    }
}
