package org.iskra.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of a Hugo site grouped into articles, each with its original first: the page marked
 * {@code original: true}, else the one in the site's default content language, else the oldest. Pages Hugo would
 * not publish (placeholders for untranslated pages, drafts unless asked for, list pages without text, headless
 * bundles) are skipped here and counted, and never stand in the way of their translations.
 */
final class HugoGroups {

    /** One article's pages, the original first, then the rest as they would stand in for it. */
    record Group(String key, List<HugoPage> pages) {
    }

    private HugoGroups() {
    }

    static List<Group> of(List<HugoPage> pages, String defaultLanguage, boolean drafts, RunningSummary tally) {
        Map<String, List<HugoPage>> byKey = new LinkedHashMap<>();
        for (HugoPage page : pages.stream().sorted(Comparator.comparing(HugoPage::path)).toList()) {
            String skip = skipReason(page, drafts);
            if (skip != null) {
                tally.skipped(page.path(), skip);
                continue;
            }
            byKey.computeIfAbsent(page.key(), key -> new ArrayList<>()).add(page);
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, members) -> {
            List<HugoPage> unique = new ArrayList<>();
            for (HugoPage page : members) {
                HugoPage first = unique.stream().filter(p -> p.language().equalsIgnoreCase(page.language())).findFirst().orElse(null);
                if (first != null) {
                    tally.failed(page.path(), "the article " + key + " already has a " + page.language() + " file: " + first.path());
                } else {
                    unique.add(page);
                }
            }
            groups.add(new Group(key, ordered(key, unique, defaultLanguage, tally)));
        });
        return groups;
    }

    private static String skipReason(HugoPage page, boolean drafts) {
        if (page.meta().placeholder() != null) {
            return page.meta().placeholder();
        }
        if (page.meta().draft() && !drafts) {
            return "a draft (draft: true; import with --drafts to bring drafts in)";
        }
        if (page.file().list() && page.file().dirs().isEmpty()) {
            return "the home page's list (_index)";
        }
        if (page.file().list() && page.blank()) {
            return "a section's list page without text of its own (_index)";
        }
        if (page.title() == null && page.blank()) {
            return "a placeholder: no title and no text";
        }
        return null;
    }

    private static List<HugoPage> ordered(String key, List<HugoPage> pages, String defaultLanguage, RunningSummary tally) {
        Comparator<HugoPage> oldestFirst = Comparator.comparing((HugoPage page) -> page.meta().date(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(HugoPage::path);
        List<HugoPage> marked = pages.stream().filter(page -> page.meta().original()).sorted(oldestFirst).toList();
        if (marked.size() > 1) {
            tally.warning(marked.get(1).path(), "says original: true, as " + marked.get(0).path() + " does; "
                    + marked.get(0).path() + " is taken as the original");
        }
        HugoPage original = !marked.isEmpty() ? marked.get(0)
                : pages.stream().filter(page -> page.file().languageKey().equalsIgnoreCase(defaultLanguage)).findFirst()
                .orElseGet(() -> pages.stream().min(oldestFirst).orElseThrow());
        List<HugoPage> result = new ArrayList<>();
        result.add(original);
        pages.stream().filter(page -> page != original).sorted(oldestFirst).forEach(result::add);
        return result;
    }
}
