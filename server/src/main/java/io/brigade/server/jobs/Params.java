package io.brigade.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.server.domain.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A job's parameters object while it is checked: typed reads that record errors as {@code parameters.x}. */
public final class Params {
    private final JsonNode node;
    private final Validation validation;

    public Params(JsonNode node, Validation validation) {
        this.node = node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
        this.validation = validation;
        if (!this.node.isObject()) {
            validation.error("parameters", "must be a JSON object");
        }
    }

    public JsonNode node() {
        return node;
    }

    public Validation validation() {
        return validation;
    }

    /** Records an error on {@code parameters.<field>}. */
    public Params error(String field, String detail) {
        validation.error("parameters." + field, detail);
        return this;
    }

    /** Refuses parameters the type does not know, so a typo is not silently ignored. */
    public void allowOnly(Set<String> names) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                error(name, "is not a parameter of this job type (known: " + String.join(", ", names.stream()
                        .sorted().toList()) + ")");
            }
        }
    }

    public String string(String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            error(field, "must be a non-empty string");
            return null;
        }
        return v.asText();
    }

    public LocalDate date(String field, boolean required) {
        String s = string(field, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            error(field, "must be a date as YYYY-MM-DD");
            return null;
        }
    }

    public Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return v.asBoolean();
    }

    public BigDecimal money(String field, JsonNode in, String path) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            error(path, "must be a non-negative amount with at most 4 decimals");
            return null;
        }
        String refusal = io.brigade.server.domain.Bounds.amount(v.decimalValue());
        if (refusal != null) {
            error(path, refusal);
            return null;
        }
        return v.decimalValue();
    }

    /** An array of objects (possibly empty, never null when present). */
    public List<JsonNode> objects(String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return List.of();
        }
        if (!v.isArray()) {
            error(field, "must be an array");
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                error(field + "[" + i + "]", "must be an object");
            } else {
                out.add(v.get(i));
            }
        }
        return out;
    }

    public ObjectNode object() {
        return node.isObject() ? ((ObjectNode) node).deepCopy() : JsonNodeFactory.instance.objectNode();
    }
}
