package io.brigade.desktop.backoffice;

import io.brigade.desktop.i18n.Texts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The bulk price update file: a header with {@code item} (menuItemId or productId) and {@code price} and/or
 * {@code available} (true/false), one row per item. It becomes the {@code changes} of a
 * {@code bulk-meal-update} job; the server checks the items against the menu when the job is started.
 */
public final class PriceCsv {
    private static final BackOfficeTexts TEXTS = Texts.of(BackOfficeTexts.class);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private PriceCsv() {
    }

    /** The file could not be read as a price list; the message names the line. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** The job's {@code changes} array, or a refusal naming every bad line. */
    public static ArrayNode changes(String csv) throws Refused {
        ArrayNode changes = JsonNodeFactory.instance.arrayNode();
        List<String> errors = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(csv))) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("item") || !(header.contains("price") || header.contains("available"))) {
                throw new Refused(TEXTS.csvHeaderNeeds());
            }
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                ObjectNode change = changes.objectNode();
                String item = r.isSet("item") ? r.get("item") : "";
                if (item.isEmpty()) {
                    errors.add(TEXTS.csvItemEmpty(line));
                    continue;
                }
                change.put("menuItemId", item);
                String price = r.isMapped("price") && r.isSet("price") ? r.get("price") : "";
                if (!price.isEmpty()) {
                    try {
                        change.put("price", new BigDecimal(price));
                    } catch (NumberFormatException e) {
                        errors.add(TEXTS.csvPriceNotANumber(line, price));
                        continue;
                    }
                }
                String available = r.isMapped("available") && r.isSet("available")
                        ? r.get("available").toLowerCase(Locale.ROOT) : "";
                if (available.equals("true") || available.equals("false")) {
                    change.put("available", Boolean.parseBoolean(available));
                } else if (!available.isEmpty()) {
                    errors.add(TEXTS.csvAvailableTrueOrFalse(line));
                    continue;
                }
                if (!change.has("price") && !change.has("available")) {
                    errors.add(TEXTS.csvSetPriceOrAvailable(line));
                    continue;
                }
                changes.add(change);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new Refused(TEXTS.csvNotReadable(e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new Refused(String.join("; ", errors.subList(0, Math.min(errors.size(), 10)))
                    + (errors.size() > 10 ? "; " + TEXTS.csvMoreErrors(errors.size() - 10) : ""));
        }
        if (changes.isEmpty()) {
            throw new Refused(TEXTS.csvNoRows());
        }
        return changes;
    }
}
