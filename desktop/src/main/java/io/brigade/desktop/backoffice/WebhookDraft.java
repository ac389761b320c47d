package io.brigade.desktop.backoffice;

import java.util.List;

/** The body of a create or an edit from the webhook manager (the server makes the secret). */
public record WebhookDraft(String callbackUrl, List<String> eventTypes, List<String> propertyIds) {
}
