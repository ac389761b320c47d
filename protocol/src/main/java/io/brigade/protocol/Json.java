package io.brigade.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one Jackson configuration used on both sides of the wire. Reading is strict about types: a number
 * with a fraction never becomes an integer, an enum is read from its name only, text is not read as a
 * number or a boolean, a body ends where its JSON value ends, an instant is an RFC 3339 date-time (a
 * string with a four-digit year and an offset), and a decimal stays within {@link #MAX_INTEGER_DIGITS}
 * digits before the point and {@link #MAX_FRACTION_DIGITS} after it. Each refusal names the field.
 */
public final class Json {
    /** Digits a decimal on the wire may have before its point: more is no amount, rate or coordinate. */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Digits a decimal on the wire may have after its point. */
    public static final int MAX_FRACTION_DIGITS = 18;

    private static final ObjectMapper MAPPER = newMapper();

    private Json() {
    }

    /** The shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A fresh mapper with Brigade's settings: money as BigDecimal, instants as ISO-8601 strings. */
    public static ObjectMapper newMapper() {
        SimpleModule strict = new SimpleModule("brigade-strict");
        strict.addDeserializer(Instant.class, new StrictInstant());
        strict.addDeserializer(BigDecimal.class, new BoundedDecimal());
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(strict)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // Keep 1.00 as 1.00 in trees too: money keeps its cents.
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                // Integrators may send fields we do not model yet; ignoring them keeps old clients working.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // 1.9 is not a quantity of 1, 3 is not "Delivery", and "{...} garbage" is not a body.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // Text is not a number or a flag ("5" for a quantity, "true" for desiredAsap), nor a number a flag.
        // The other way stays open: the guides send menuRevisionId both as "1" and as 1.
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /** An instant from an RFC 3339 string only: never from a number (1e300 is not a time), years 0001-9999. */
    private static final class StrictInstant extends StdScalarDeserializer<Instant> {
        StrictInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p.currentToken(), p,
                        "expected an ISO-8601 date-time string such as 2025-10-28T14:30:00Z");
            }
            String text = p.getText().strip();
            OffsetDateTime time;
            try {
                time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "expected an ISO-8601 date-time with an offset, such as 2025-10-28T14:30:00Z");
            }
            if (time.getYear() < 1 || time.getYear() > 9999) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "the year must be between 0001 and 9999");
            }
            return time.toInstant();
        }
    }

    /** A decimal within {@link #MAX_INTEGER_DIGITS} and {@link #MAX_FRACTION_DIGITS} digits (no 1e400). */
    private static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (value != null && (value.precision() - value.scale() > MAX_INTEGER_DIGITS
                    || value.scale() > MAX_FRACTION_DIGITS)) {
                return (BigDecimal) ctxt.handleWeirdNumberValue(BigDecimal.class, value,
                        "must have at most " + MAX_INTEGER_DIGITS + " digits before the point and "
                                + MAX_FRACTION_DIGITS + " after it");
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Float;
        }
    }
}
