package io.brigade.server.jobs;

import static io.brigade.server.menus.Catalog.nonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.server.db.Database;
import io.brigade.server.menus.MenuRepository;
import io.brigade.server.menus.MenuService;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code bulk-nutrition-import}: a CSV with one row per item ({@code item} = menuItemId or productId)
 * and any of {@code allergens} (separated by ';', "none" clears them), {@code energyKcal}, {@code fatG},
 * {@code carbsG}, {@code sugarG}, {@code proteinG}, {@code saltG}. A CSV that cannot be read, or whose
 * header is wrong, is refused when the job is started. Bad rows are reported with their line numbers
 * (and as {@code rejected-rows.csv}); good rows are applied: allergens on the item in a new revision of
 * the menu, figures in {@code menu_item_nutrition} per product. A blank cell leaves that value as it was.
 */
public final class NutritionImportJob implements JobHandler {
    static final String ITEM = "item";
    static final String ALLERGENS = "allergens";
    static final List<String> FIGURES = List.of("energyKcal", "fatG", "carbsG", "sugarG", "proteinG", "saltG");
    private static final int MAX_ROWS = 20_000;
    private static final int MAX_ERRORS_IN_RESULT = 100;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private final Database database;
    private final MenuRepository menuRepository;
    private final MenuService menus;
    private final NutritionRepository nutrition;

    public NutritionImportJob(Database database, MenuRepository menuRepository, MenuService menus,
                              NutritionRepository nutrition) {
        this.database = database;
        this.menuRepository = menuRepository;
        this.menus = menus;
        this.nutrition = nutrition;
    }

    @Override
    public String type() {
        return "bulk-nutrition-import";
    }

    @Override
    public JsonNode validate(String orgId, Params p) {
        p.allowOnly(Set.of("menuId", "csv"));
        String menuId = p.string("menuId", true);
        String csv = p.string("csv", true);
        if (menuId != null && menus.latestContent(orgId, menuId).isEmpty()) {
            p.error("menuId", "no menu " + menuId + " with a revision in this org");
        }
        if (csv != null) {
            try (CSVParser parser = FORMAT.parse(new StringReader(csv))) {
                List<String> header = parser.getHeaderNames();
                Set<String> known = new LinkedHashSet<>(List.of(ITEM, ALLERGENS));
                known.addAll(FIGURES);
                List<String> unknown = header.stream().filter(h -> !known.contains(h)).toList();
                if (!header.contains(ITEM)) {
                    p.error("csv", "line 1: the header needs an 'item' column (menuItemId or productId)");
                } else if (!unknown.isEmpty()) {
                    p.error("csv", "line 1: unknown column(s) " + unknown + "; known: " + known);
                } else if (header.size() < 2) {
                    p.error("csv", "line 1: name at least one of allergens, " + String.join(", ", FIGURES));
                } else {
                    int rows = 0;
                    for (CSVRecord ignored : parser) {
                        if (++rows > MAX_ROWS) {
                            p.error("csv", "at most " + MAX_ROWS + " rows per import");
                            break;
                        }
                    }
                    if (rows == 0) {
                        p.error("csv", "has a header but no rows");
                    }
                }
            } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                p.error("csv", "is not readable CSV: " + e.getMessage());
            }
        }
        return p.object();
    }

    /** A row that passed its checks. */
    private record Row(String item, List<String> allergens, NutritionRepository.Nutrition figures, boolean hasFigures) {
    }

    @Override
    public JsonNode run(JobContext ctx) throws IOException {
        String menuId = ctx.parameters().get("menuId").asText();
        String csv = ctx.parameters().get("csv").asText();
        MenuContent latest = menus.latestContent(ctx.orgId(), menuId)
                .orElseThrow(() -> new JobFailure("menu " + menuId + " no longer has a revision"));
        Map<String, MenuItem> items = items(latest);
        List<Row> good = new ArrayList<>();
        ArrayNode errors = JsonNodeFactory.instance.arrayNode();
        StringWriter rejected = new StringWriter();
        int rejectedCount = 0;
        try (CSVParser parser = FORMAT.parse(new StringReader(csv));
             CSVPrinter out = new CSVPrinter(rejected, CSVFormat.DEFAULT.builder()
                     .setHeader("line", ITEM, "error").get())) {
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                String error = null;
                String item = r.isMapped(ITEM) && r.isSet(ITEM) ? r.get(ITEM) : "";
                MenuItem menuItem = items.get(item);
                BigDecimal[] values = new BigDecimal[FIGURES.size()];
                boolean hasFigures = false;
                if (item.isEmpty()) {
                    error = "item is empty";
                } else if (menuItem == null) {
                    error = "no item " + item + " in the latest revision of menu " + menuId;
                } else if (!r.isConsistent()) {
                    error = "has " + r.size() + " cells; the header has " + parser.getHeaderNames().size();
                }
                for (int i = 0; error == null && i < FIGURES.size(); i++) {
                    String col = FIGURES.get(i);
                    String cell = r.isMapped(col) && r.isSet(col) ? r.get(col) : "";
                    if (cell.isEmpty()) {
                        continue;
                    }
                    try {
                        values[i] = new BigDecimal(cell);
                        if (values[i].signum() < 0 || values[i].compareTo(BigDecimal.valueOf(100_000)) > 0) {
                            error = col + " must be between 0 and 100000 (was " + cell + ")";
                        }
                        hasFigures = true;
                    } catch (NumberFormatException e) {
                        error = col + " is not a number: " + cell;
                    }
                }
                List<String> allergens = null;
                String allergenCell = r.isMapped(ALLERGENS) && r.isSet(ALLERGENS) ? r.get(ALLERGENS) : "";
                if (error == null && !allergenCell.isEmpty()) {
                    allergens = allergenCell.equalsIgnoreCase("none") ? List.of()
                            : Arrays.stream(allergenCell.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                                    .distinct().toList();
                }
                if (error == null && allergens == null && !hasFigures) {
                    error = "the row sets nothing (all cells blank)";
                }
                if (error != null) {
                    rejectedCount++;
                    out.printRecord(line, item, error);
                    if (errors.size() < MAX_ERRORS_IN_RESULT) {
                        ObjectNode e = errors.addObject();
                        e.put("line", line);
                        e.put("item", item);
                        e.put("error", error);
                    }
                    continue;
                }
                good.add(new Row(menuItem.productId(), allergens, new NutritionRepository.Nutrition(values[0],
                        values[1], values[2], values[3], values[4], values[5]), hasFigures));
            }
        }
        ctx.progress(30);
        // Allergens first: one new revision with every change, unless nothing differs (e.g. on a rerun). If the
        // menu refuses it, the job fails before any figure is written, so nothing is half applied.
        Map<String, List<String>> allergenChanges = new HashMap<>();
        good.stream().filter(r -> r.allergens() != null).forEach(r -> allergenChanges.put(r.item(), r.allergens()));
        Long revisionId = null;
        if (!allergenChanges.isEmpty()) {
            MenuContent updated = withAllergens(latest, allergenChanges);
            if (!updated.equals(latest)) {
                revisionId = menus.createRevision(ctx.orgId(), menuId, updated).revisionId();
            }
        }
        // Figures, per product; blank cells keep the value stored before.
        int n = 0;
        for (Row row : good) {
            if (row.hasFigures()) {
                database.inTransaction(c -> {
                    NutritionRepository.Nutrition before = nutrition.find(c, ctx.orgId(), menuId, row.item())
                            .orElse(new NutritionRepository.Nutrition(null, null, null, null, null, null));
                    NutritionRepository.Nutrition f = row.figures();
                    nutrition.upsert(c, ctx.orgId(), menuId, row.item(), new NutritionRepository.Nutrition(
                            or(f.energyKcal(), before.energyKcal()), or(f.fatG(), before.fatG()),
                            or(f.carbsG(), before.carbsG()), or(f.sugarG(), before.sugarG()),
                            or(f.proteinG(), before.proteinG()), or(f.saltG(), before.saltG())),
                            ctx.jobId(), ctx.clock().instant());
                    return null;
                });
            }
            if (++n % 200 == 0) {
                ctx.progress(30 + 50 * n / good.size());
            }
        }
        if (rejectedCount > 0) {
            ctx.putFile("rejected-rows.csv", "text/csv; charset=utf-8", rejected.toString(), rejectedCount);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("rowsApplied", good.size());
        result.put("rowsRejected", rejectedCount);
        if (revisionId != null) {
            result.put("revisionId", revisionId);
        }
        result.set("errors", errors);
        return result;
    }

    private static BigDecimal or(BigDecimal a, BigDecimal b) {
        return a != null ? a : b;
    }

    private static MenuContent withAllergens(MenuContent m, Map<String, List<String>> byProduct) {
        List<Category> categories = new ArrayList<>();
        for (Category cat : nonNull(m.categories())) {
            categories.add(new Category(cat.id(), cat.caption(), cat.description(),
                    nonNull(cat.items()).stream().map(i -> allergens(i, byProduct)).toList()));
        }
        List<ModifierGroup> groups = new ArrayList<>();
        for (ModifierGroup g : nonNull(m.modifiers())) {
            groups.add(new ModifierGroup(g.id(), g.caption(), g.min(), g.max(),
                    nonNull(g.items()).stream().map(i -> allergens(i, byProduct)).toList()));
        }
        return new MenuContent(m.name(), m.currency(), m.categoryGroups(), categories, groups, m.charges());
    }

    private static MenuItem allergens(MenuItem i, Map<String, List<String>> byProduct) {
        List<String> a = byProduct.get(i.productId());
        return a == null ? i : new MenuItem(i.id(), i.productId(), i.externalId(), i.caption(), i.description(), a,
                i.alcohol(), i.pricingProfiles(), i.availabilityOverrides(), i.modifierIds(), i.ingredientCost());
    }

    /** Items and modifier options by id and by productId. */
    private static Map<String, MenuItem> items(MenuContent m) {
        Map<String, MenuItem> out = new LinkedHashMap<>();
        for (Category cat : nonNull(m.categories())) {
            for (MenuItem i : nonNull(cat.items())) {
                out.put(i.id(), i);
                out.putIfAbsent(i.productId(), i);
            }
        }
        for (ModifierGroup g : nonNull(m.modifiers())) {
            for (MenuItem i : nonNull(g.items())) {
                out.put(i.id(), i);
                out.putIfAbsent(i.productId(), i);
            }
        }
        return out;
    }

}
