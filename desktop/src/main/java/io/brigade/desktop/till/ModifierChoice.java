package io.brigade.desktop.till;

import io.brigade.desktop.i18n.Texts;
import io.brigade.protocol.menus.MenuItem;
import io.brigade.protocol.menus.ModifierGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The modifier dialog's state: which options are chosen per group, held to each group's min and max. */
public final class ModifierChoice {
    private static final TillTexts TEXTS = Texts.of(TillTexts.class);
    private final PricedItem item;
    private final Map<String, Set<String>> chosen = new LinkedHashMap<>();

    public ModifierChoice(PricedItem item) {
        this.item = item;
        item.groups().forEach(g -> chosen.put(g.id(), new LinkedHashSet<>()));
    }

    public PricedItem item() {
        return item;
    }

    /**
     * Chooses or un-chooses an option. In a group of at most one, choosing replaces the choice; in a full
     * group, choosing more is refused with the reason.
     */
    public Optional<String> toggle(String groupId, String optionId) {
        ModifierGroup group = group(groupId);
        Set<String> set = chosen.get(groupId);
        if (set.remove(optionId)) {
            return Optional.empty();
        }
        int max = group.max() == null ? Integer.MAX_VALUE : group.max();
        if (max == 1) {
            set.clear();
        } else if (set.size() >= max) {
            return Optional.of(TEXTS.atMostChoices(group.caption(), max));
        }
        set.add(optionId);
        return Optional.empty();
    }

    public boolean isChosen(String groupId, String optionId) {
        return chosen.get(groupId).contains(optionId);
    }

    /** Why the choice cannot be added yet, or empty when every group is within its min and max. */
    public Optional<String> problem() {
        for (ModifierGroup g : item.groups()) {
            int n = chosen.get(g.id()).size();
            int min = g.min() == null ? 0 : g.min();
            int max = g.max() == null ? Integer.MAX_VALUE : g.max();
            if (n < min) {
                return Optional.of(min == max ? TEXTS.chooseExactly(min, g.caption())
                        : TEXTS.chooseAtLeast(min, g.caption()));
            }
            if (n > max) {
                return Optional.of(TEXTS.atMostChoices(g.caption(), max));
            }
        }
        return Optional.empty();
    }

    /** The chosen options with the group each came from, in menu order. */
    public List<Chosen> chosen() {
        List<Chosen> out = new ArrayList<>();
        for (ModifierGroup g : item.groups()) {
            for (MenuItem option : g.items()) {
                if (chosen.get(g.id()).contains(option.id())) {
                    out.add(new Chosen(g, option));
                }
            }
        }
        return out;
    }

    private ModifierGroup group(String id) {
        return item.groups().stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no modifier group " + id + " on " + item.caption()));
    }

    /** One chosen option. A group with a minimum is a required option; otherwise the option is an add-on. */
    public record Chosen(ModifierGroup group, MenuItem option) {
        public boolean isAddOn() {
            return group.min() == null || group.min() == 0;
        }
    }
}
