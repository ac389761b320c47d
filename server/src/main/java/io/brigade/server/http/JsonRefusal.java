package io.brigade.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.brigade.protocol.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Why a request body could not be read as JSON of the expected type, in words for the caller and with the
 * field path ({@code items[0].quantity}) wherever the parser knows it; {@code field} is null for a body
 * that is not JSON at all.
 */
record JsonRefusal(String field, String detail) {

    static JsonRefusal of(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m && m.getPath().isEmpty()) {
            // Trailing tokens, or a body of the wrong JSON kind at the top ("[]" for an object).
            return new JsonRefusal("$", m.getTargetType() != null && m.getOriginalMessage().startsWith("Trailing")
                    ? "the body must be one JSON value with nothing after it" : "has the wrong type (expected "
                    + kind(m.getTargetType()) + ")");
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
            Throwable cause = m.getCause();
            if (cause instanceof InputCoercionException ice) {
                target = ice.getTargetType();
                return new JsonRefusal(path(m), "is out of range for " + kind(target));
            }
            return new JsonRefusal(path(m), expectation(target));
        }
        if (e instanceof InputCoercionException ice && ice.getProcessor() != null) {
            JsonParser p = ice.getProcessor();
            return new JsonRefusal(path(p.getParsingContext()), "is out of range for " + kind(ice.getTargetType()));
        }
        return new JsonRefusal(null, "request body is not valid JSON: " + e.getOriginalMessage());
    }

    private static String expectation(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of " + wireNames(target);
        }
        if (target == Instant.class) {
            return "must be an ISO-8601 date-time with an offset and a year from 0001 to 9999, such as "
                    + "2025-10-28T14:30:00Z";
        }
        if (target == BigDecimal.class) {
            return "must be a JSON number with at most " + Json.MAX_INTEGER_DIGITS + " digits before the point and "
                    + Json.MAX_FRACTION_DIGITS + " after it";
        }
        return "has the wrong type (expected " + kind(target) + ")";
    }

    private static String kind(Class<?> target) {
        if (target == null) {
            return "another type";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class || target == BigInteger.class) {
            return "a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == BigDecimal.class || target == Double.class || target == double.class) {
            return "a number";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return target.isRecord() || target == Object.class ? "an object" : target.getSimpleName();
    }

    // As the client must spell them (an enum's @JsonProperty names), not the Java constants.
    private static List<String> wireNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(c -> Json.mapper().convertValue(c, String.class)).toList();
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!path.isEmpty() && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.isEmpty() ? "$" : path.toString();
    }
}
