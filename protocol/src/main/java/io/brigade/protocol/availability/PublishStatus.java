package io.brigade.protocol.availability;

/** Body of the operations update {@code menu-publish-status}: whether a marketplace took a published menu. */
public record PublishStatus(String menuPublishId, Boolean success, String errorMessage) {
}
