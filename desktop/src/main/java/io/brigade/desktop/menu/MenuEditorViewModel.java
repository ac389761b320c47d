package io.brigade.desktop.menu;

import io.brigade.desktop.i18n.Texts;
import io.brigade.desktop.client.BackOfficeException;
import io.brigade.desktop.fx.Background;
import io.brigade.protocol.Problem;
import io.brigade.protocol.menus.Category;
import io.brigade.protocol.menus.MenuContent;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.MenuOverview;
import io.brigade.protocol.menus.MenuRevision;
import io.brigade.protocol.menus.MenuSummary;
import io.brigade.protocol.menus.ModifierGroup;
import io.brigade.protocol.menus.PricingProfile;
import io.brigade.protocol.menus.Publication;
import io.brigade.protocol.org.SalesChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The menu editor's logic, without a screen: pick a menu, edit a draft copy of its latest revision (items,
 * prices, costs, availability, modifier groups), save it as a new revision (revisions never change), and publish
 * the saved revision to sales channels. Validation is the server's; its field errors land on the rows they name.
 */
public final class MenuEditorViewModel {
    private static final MenuTexts TEXTS = Texts.of(MenuTexts.class);

    private static final Pattern ITEM = Pattern.compile("^categories\\[(\\d+)]\\.items\\[(\\d+)](.*)$");
    private static final Pattern OPTION = Pattern.compile("^modifiers\\[(\\d+)]\\.items\\[(\\d+)](.*)$");
    private static final Pattern GROUP = Pattern.compile("^modifiers\\[(\\d+)](.*)$");

    /** A channel the saved revision can be published to, ticked or not. */
    public static final class ChannelChoice {
        private final SalesChannel channel;
        private final BooleanProperty selected = new SimpleBooleanProperty();
        private final String current;

        ChannelChoice(SalesChannel channel, boolean selected, String current) {
            this.channel = channel;
            this.selected.set(selected);
            this.current = current;
        }

        public SalesChannel channel() {
            return channel;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        /** What the channel sells now, e.g. "revision 2 of this menu". */
        public String current() {
            return current;
        }
    }

    private final MenuOffice office;
    private final Background background;
    private final ObservableList<MenuSummary> menus = FXCollections.observableArrayList();
    private final ObservableList<SalesChannel> channels = FXCollections.observableArrayList();
    private final ObjectProperty<MenuSummary> menu = new SimpleObjectProperty<>();
    private final ObjectProperty<MenuRevision> base = new SimpleObjectProperty<>();
    private final ObservableList<Category> categories = FXCollections.observableArrayList();
    private final ObservableList<ItemDraft> items = FXCollections.observableArrayList();
    private final ObservableList<GroupDraft> groups = FXCollections.observableArrayList();
    private final ObservableList<ChannelChoice> targets = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<MenuOverview> overview = new SimpleObjectProperty<>();

    public MenuEditorViewModel(MenuOffice office, Background background) {
        this.office = office;
        this.background = background;
    }

    /** Reads the org's menus and channels, then opens the chosen menu (the first, or {@code menuId}). */
    public void load(String menuId) {
        busy.set(true);
        background.run(office::overview, o -> {
            busy.set(false);
            overview.set(o);
            menus.setAll(o.menus());
            channels.setAll(o.salesChannels());
            MenuSummary pick = o.menus().stream().filter(m -> m.menuId().equals(menuId)).findFirst()
                    .orElse(o.menus().isEmpty() ? null : o.menus().get(0));
            if (pick == null) {
                say(TEXTS.noMenus(), false);
                return;
            }
            open(pick);
        }, this::failure);
    }

    /** Opens a draft copy of the menu's latest revision. */
    public void open(MenuSummary summary) {
        menu.set(summary);
        if (summary.latestRevisionId() == null) {
            say(TEXTS.noRevision(summary.name()), false);
            return;
        }
        busy.set(true);
        background.run(() -> office.revision(summary.menuId(), summary.latestRevisionId()), revision -> {
            busy.set(false);
            draftFrom(revision);
        }, this::failure);
    }

    private void draftFrom(MenuRevision revision) {
        base.set(revision);
        MenuContent content = revision.menu();
        categories.setAll(nonNull(content.categories()));
        List<ItemDraft> drafts = new ArrayList<>();
        for (Category c : nonNull(content.categories())) {
            nonNull(c.items()).forEach(i -> drafts.add(new ItemDraft(c.id(), i)));
        }
        items.setAll(drafts);
        groups.setAll(nonNull(content.modifiers()).stream().map(GroupDraft::new).toList());
        MenuSummary summary = menu.get();
        List<ChannelChoice> choices = new ArrayList<>();
        for (SalesChannel ch : channels) {
            Optional<Publication> now = publicationOn(ch.salesChannelId());
            boolean thisMenu = now.isPresent() && now.get().menuId().equals(summary.menuId());
            choices.add(new ChannelChoice(ch, thisMenu, now.map(p -> p.menuId().equals(summary.menuId())
                    ? TEXTS.sellsThisRevision(p.menuRevisionId())
                    : TEXTS.sellsAnotherMenu()).orElse(TEXTS.sellsNothing())));
        }
        targets.setAll(choices);
        say(TEXTS.editingDraft(revision.revisionId()), false);
    }

    private Optional<Publication> publicationOn(String channelId) {
        MenuOverview o = overview.get();
        if (o == null) {
            return Optional.empty();
        }
        return o.menus().stream().flatMap(m -> nonNull(m.publications()).stream())
                .filter(p -> p.salesChannelId().equals(channelId)).findFirst();
    }

    /** Adds a new item at the end of {@code category}; the server gives it an id when saved. */
    public ItemDraft addItem(Category category, String caption) {
        PricingProfile template = items.stream().filter(i -> i.categoryId().equals(category.id())
                        && i.original() != null && !nonNull(i.original().pricingProfiles()).isEmpty())
                .map(i -> i.original().pricingProfiles().get(0)).findFirst().orElse(null);
        ItemDraft draft = new ItemDraft(category.id(), caption, template);
        int at = items.size();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).categoryId().equals(category.id())) {
                at = i + 1;
            }
        }
        items.add(at, draft);
        return draft;
    }

    public void removeItem(ItemDraft draft) {
        items.remove(draft);
    }

    /** True when the draft differs from the revision it was made from. */
    public boolean isChanged() {
        if (base.get() == null) {
            return false;
        }
        Built built = build();
        return !built.problems.isEmpty() || !built.content.equals(base.get().menu());
    }

    /** Saves the draft as the menu's next revision; the server's field errors are shown on their rows. */
    public void save() {
        MenuRevision from = base.get();
        if (from == null || busy.get()) {
            return;
        }
        clearErrors();
        Built built = build();
        if (!built.problems.isEmpty()) {
            built.problems.forEach((draft, problem) -> errorOf(draft).set(problem));
            say(TEXTS.notSavedRows(built.problems.size(), String.join(" · ", built.problems.values())), true);
            return;
        }
        if (built.content.equals(from.menu())) {
            say(TEXTS.nothingChanged(from.revisionId()), false);
            return;
        }
        busy.set(true);
        String menuId = from.menuId();
        background.run(() -> {
            long created = office.saveRevision(menuId, built.content).revisionId();
            MenuOverview o = office.overview();
            return Map.entry(o, office.revision(menuId, created));
        }, saved -> {
            busy.set(false);
            overview.set(saved.getKey());
            menus.setAll(saved.getKey().menus());
            saved.getKey().menus().stream().filter(m -> m.menuId().equals(menuId)).findFirst().ifPresent(menu::set);
            draftFrom(saved.getValue());
            say(TEXTS.savedRevision(saved.getValue().revisionId()), false);
        }, failure -> {
            busy.set(false);
            if (failure instanceof BackOfficeException r && !r.errors().isEmpty()) {
                showFieldErrors(r, built);
            } else {
                failure(failure);
            }
        });
    }

    /** Publishes the saved revision (not unsaved edits) to the ticked channels. */
    public void publish() {
        MenuRevision from = base.get();
        if (from == null || busy.get()) {
            return;
        }
        if (isChanged()) {
            say(TEXTS.saveFirst(from.revisionId()), true);
            return;
        }
        List<ChannelChoice> chosen = targets.stream().filter(c -> c.selectedProperty().get()).toList();
        if (chosen.isEmpty()) {
            say(TEXTS.tickAChannel(), true);
            return;
        }
        busy.set(true);
        List<String> ids = chosen.stream().map(c -> c.channel().salesChannelId()).toList();
        background.run(() -> {
            office.publish(from.menuId(), from.revisionId(), ids);
            return office.overview();
        }, o -> {
            busy.set(false);
            overview.set(o);
            menus.setAll(o.menus());
            o.menus().stream().filter(m -> m.menuId().equals(from.menuId())).findFirst().ifPresent(menu::set);
            draftFrom(from);
            say(TEXTS.nowOnSale(from.revisionId(), chosen.stream().map(c -> c.channel().name())
                    .collect(Collectors.joining(", "))), false);
        }, this::failure);
    }

    /** The draft as content to save, with where each row went (to place the server's errors) and typing problems. */
    private record Built(MenuContent content, Map<String, Object> paths, Map<Object, String> problems) {
    }

    private Built build() {
        MenuContent from = base.get().menu();
        Map<String, Object> paths = new HashMap<>();
        Map<Object, String> problems = new LinkedHashMap<>();
        List<ModifierGroup> builtGroups = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            GroupDraft group = groups.get(g);
            List<String> groupProblems = new ArrayList<>();
            List<List<String>> optionProblems = new ArrayList<>();
            builtGroups.add(group.toGroup(groupProblems, optionProblems));
            paths.put("modifiers[" + g + "]", group);
            if (!groupProblems.isEmpty()) {
                problems.put(group, group.captionProperty().get() + ": " + String.join("; ", groupProblems));
            }
            for (int o = 0; o < group.options().size(); o++) {
                ItemDraft option = group.options().get(o);
                paths.put("modifiers[" + g + "].items[" + o + "]", option);
                if (!optionProblems.get(o).isEmpty()) {
                    problems.put(option, option.captionProperty().get() + ": "
                            + String.join("; ", optionProblems.get(o)));
                }
            }
        }
        List<Category> builtCategories = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            Category category = categories.get(c);
            List<MenuItem> builtItems = new ArrayList<>();
            for (ItemDraft draft : items) {
                if (!draft.categoryId().equals(category.id())) {
                    continue;
                }
                List<String> p = new ArrayList<>();
                builtItems.add(draft.toItem(p));
                paths.put("categories[" + c + "].items[" + (builtItems.size() - 1) + "]", draft);
                if (!p.isEmpty()) {
                    problems.put(draft, draft.captionProperty().get() + ": " + String.join("; ", p));
                }
            }
            builtCategories.add(new Category(category.id(), category.caption(), category.description(), builtItems));
        }
        return new Built(new MenuContent(from.name(), from.currency(), from.categoryGroups(), builtCategories,
                builtGroups, from.charges()), paths, problems);
    }

    private void showFieldErrors(BackOfficeException refusal, Built built) {
        Map<Object, List<String>> byRow = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (Problem.FieldError e : refusal.errors()) {
            Object row = null;
            String rest = null;
            for (Pattern p : List.of(ITEM, OPTION, GROUP)) {
                Matcher m = p.matcher(e.field());
                if (m.matches()) {
                    String prefix = e.field().substring(0, e.field().length() - m.group(m.groupCount()).length());
                    row = built.paths.get(prefix);
                    rest = m.group(m.groupCount());
                    break;
                }
            }
            if (row == null) {
                general.add(e.field() + ": " + e.detail());
            } else {
                // One row, one line per complaint: four prices refused alike read as one "price: ..." line.
                List<String> problems = byRow.computeIfAbsent(row, k -> new ArrayList<>());
                String problem = fieldName(rest) + e.detail();
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        byRow.forEach((row, problems) -> {
            errorOf(row).set(String.join("; ", problems));
            lines.add(captionOf(row) + ": " + String.join("; ", problems));
        });
        lines.addAll(general);
        say(TEXTS.serverRefusedDraft(String.join(" · ", lines)), true);
    }

    private static String fieldName(String rest) {
        if (rest == null || rest.isEmpty()) {
            return "";
        }
        if (rest.startsWith(".pricingProfiles")) {
            return TEXTS.fieldPrice() + ": ";
        }
        return switch (rest) {
            case ".caption" -> TEXTS.fieldCaption() + ": ";
            case ".ingredientCost" -> TEXTS.fieldIngredientCost() + ": ";
            case ".modifierIds" -> TEXTS.fieldModifierGroups() + ": ";
            case ".items" -> TEXTS.fieldOptions() + ": ";
            default -> rest.substring(1) + ": ";
        };
    }

    private static StringProperty errorOf(Object row) {
        return row instanceof GroupDraft g ? g.errorProperty() : ((ItemDraft) row).errorProperty();
    }

    private static String captionOf(Object row) {
        String caption = row instanceof GroupDraft g ? g.captionProperty().get()
                : ((ItemDraft) row).captionProperty().get();
        return caption == null || caption.isBlank() ? TEXTS.noCaption() : caption;
    }

    private void clearErrors() {
        items.forEach(i -> i.errorProperty().set(""));
        groups.forEach(g -> {
            g.errorProperty().set("");
            g.options().forEach(o -> o.errorProperty().set(""));
        });
    }

    private void failure(Throwable t) {
        busy.set(false);
        say(t instanceof BackOfficeException r && r.status() == 403 ? TEXTS.managersOnly(t.getMessage())
                : TEXTS.serverUnreachable(t.getMessage()), true);
    }

    private void say(String text, boolean isError) {
        message.set(text);
        failed.set(isError);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    public ObservableList<MenuSummary> menus() {
        return menus;
    }

    public ObservableList<SalesChannel> channels() {
        return channels;
    }

    public ObjectProperty<MenuSummary> menuProperty() {
        return menu;
    }

    /** The revision the draft was copied from (the latest saved one). */
    public ObjectProperty<MenuRevision> baseProperty() {
        return base;
    }

    public ObjectProperty<MenuOverview> overviewProperty() {
        return overview;
    }

    public ObservableList<Category> categories() {
        return categories;
    }

    public ObservableList<ItemDraft> items() {
        return items;
    }

    public ObservableList<GroupDraft> groups() {
        return groups;
    }

    public ObservableList<ChannelChoice> targets() {
        return targets;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** True when the message reports a refusal or failure. */
    public BooleanProperty failedProperty() {
        return failed;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
