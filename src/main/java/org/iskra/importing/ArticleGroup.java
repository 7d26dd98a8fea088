package org.iskra.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The files of one article: which one is the original, which are its translations, and which cannot be imported
 * because of where they stand in the group.
 *
 * @param original   null when no file of the group can be imported as the original
 * @param rejections files of this group refused before anything was saved
 */
record ArticleGroup(String key, Page original, List<Page> translations, List<Rejection> rejections) {

    record Rejection(String path, String reason) {
    }

    /**
     * Groups pages by {@link Page#key()} and picks each group's original: the one marked {@code original: true},
     * else the earliest {@code date}.
     *
     * @param unreadable files whose front matter could not be read; when one of them may have been a group's
     *                   original, the group waits rather than guess, because an article saved with the wrong
     *                   original language cannot be corrected by importing again
     */
    static List<ArticleGroup> of(List<Page> pages, List<HugoFile> unreadable, Predicate<String> knownLanguage) {
        Map<String, List<Page>> byKey = new LinkedHashMap<>();
        pages.stream().sorted(Comparator.comparing(Page::path))
                .forEach(page -> byKey.computeIfAbsent(page.key(), key -> new ArrayList<>()).add(page));
        List<ArticleGroup> groups = new ArrayList<>();
        byKey.forEach((key, members) -> groups.add(group(key, members, unreadable, knownLanguage)));
        return groups;
    }

    private static ArticleGroup group(String key, List<Page> members, List<HugoFile> unreadable,
                                      Predicate<String> knownLanguage) {
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Page> byLanguage = new LinkedHashMap<>();
        for (Page page : members) {
            Page first = byLanguage.putIfAbsent(page.language(), page);
            if (first != null) {
                rejections.add(new Rejection(page.path(), "the article " + key + " already has a "
                        + page.language() + " file: " + first.path()));
            }
        }
        List<Page> candidates = List.copyOf(byLanguage.values());

        List<Page> marked = candidates.stream().filter(page -> page.meta().original()).toList();
        if (marked.size() > 1) {
            return withoutOriginal(key, candidates, rejections, "more than one file of the article " + key
                    + " says original: true (" + paths(marked) + ")");
        }
        Page original;
        if (marked.size() == 1) {
            original = marked.get(0);
        } else {
            Set<String> pathKeys = new HashSet<>();
            pathKeys.add(key);
            candidates.forEach(page -> pathKeys.add(page.file().pathKey()));
            List<HugoFile> lost = unreadable.stream().filter(file -> pathKeys.contains(file.pathKey())).toList();
            if (!lost.isEmpty()) {
                return withoutOriginal(key, candidates, rejections, "original unknown: "
                        + lost.stream().map(HugoFile::path).collect(Collectors.joining(", "))
                        + " could not be read (or mark the original with original: true)");
            }
            original = candidates.stream()
                    .min(Comparator.comparing((Page page) -> page.meta().date(),
                                    Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Page::path))
                    .orElseThrow();
        }
        if (!knownLanguage.test(original.language())) {
            String reason = unknownLanguage(original);
            rejections.add(new Rejection(original.path(), reason));
            return withoutOriginal(key, candidates.stream().filter(page -> page != original).toList(), rejections,
                    "original failed: " + original.path() + ": " + reason);
        }
        List<Page> translations = new ArrayList<>();
        for (Page page : candidates) {
            if (page == original) {
                continue;
            }
            if (knownLanguage.test(page.language())) {
                translations.add(page);
            } else {
                rejections.add(new Rejection(page.path(), unknownLanguage(page)));
            }
        }
        return new ArticleGroup(key, original, List.copyOf(translations), List.copyOf(rejections));
    }

    static String unknownLanguage(Page page) {
        return unknownLanguage(page.language());
    }

    static String unknownLanguage(String code) {
        return "unknown language " + code;
    }

    private static ArticleGroup withoutOriginal(String key, List<Page> pages, List<Rejection> rejections, String reason) {
        List<Rejection> all = new ArrayList<>(rejections);
        pages.forEach(page -> all.add(new Rejection(page.path(), reason)));
        return new ArticleGroup(key, null, List.of(), List.copyOf(all));
    }

    private static String paths(List<Page> pages) {
        return pages.stream().map(Page::path).collect(Collectors.joining(", "));
    }
}
