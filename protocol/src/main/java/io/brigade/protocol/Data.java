package io.brigade.protocol;

/** The {@code {"data": ...}} envelope that v3 read endpoints wrap their answers in. */
public record Data<T>(T data) {
}
