package org.iskra.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.ibm.icu.util.ULocale;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Which of a source's taxonomies (Hugo's tags, categories, regions …; WordPress's category and post_tag) become
 * Iskra's regions, countries or tags, and which single terms go elsewhere than their taxonomy. The default suits
 * most sites: tags and categories become tags, regions and countries stay what they are. A map file
 * ({@code --map FILE}, YAML) says otherwise:
 *
 * <pre>
 * taxonomies:
 *   categories: regions     # or countries, tags, ignore
 *   series: tags
 * terms:
 *   Europe: regions
 *   Russia: countries RU    # a country term may name its ISO code
 *   Uncategorized: ignore
 * </pre>
 *
 * A country is an ISO 3166 code or a country's name in the text's language or English; anything else is left out
 * with a warning.
 */
final class TaxonomyMap {

    enum Target { REGIONS, COUNTRIES, TAGS, IGNORE }

    static final Set<String> DEFAULT_TAXONOMIES = Set.of("tags", "categories", "regions", "countries", "category", "post_tag");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Map<String, Map<String, String>> COUNTRY_NAMES = new ConcurrentHashMap<>();

    private record TermRule(Target target, String country) {
    }

    private final Map<String, Target> taxonomies;
    private final Map<String, TermRule> terms;

    private TaxonomyMap(Map<String, Target> taxonomies, Map<String, TermRule> terms) {
        this.taxonomies = taxonomies;
        this.terms = terms;
    }

    static TaxonomyMap defaults() {
        Map<String, Target> taxonomies = new HashMap<>();
        taxonomies.put("tags", Target.TAGS);
        taxonomies.put("categories", Target.TAGS);
        taxonomies.put("category", Target.TAGS);
        taxonomies.put("post_tag", Target.TAGS);
        taxonomies.put("regions", Target.REGIONS);
        taxonomies.put("countries", Target.COUNTRIES);
        Map<String, TermRule> terms = new HashMap<>();
        // WordPress's default category says nothing about an article
        terms.put("uncategorized", new TermRule(Target.IGNORE, null));
        return new TaxonomyMap(taxonomies, terms);
    }

    /** The defaults with what {@code file} says on top. */
    static TaxonomyMap read(Path file) throws FileRejected {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileRejected("cannot read the map file: " + e.getMessage());
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(FrontMatterParser.safeOptions())).load(text);
        } catch (YAMLException e) {
            throw new FileRejected("the map file is not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        TaxonomyMap map = defaults();
        if (loaded == null) {
            return map;
        }
        if (!(loaded instanceof Map<?, ?> root)) {
            throw new FileRejected("the map file must have taxonomies: and terms: sections");
        }
        for (Map.Entry<?, ?> entry : root.entrySet()) {
            String section = String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT);
            if (!(entry.getValue() instanceof Map<?, ?> rules) || !(section.equals("taxonomies") || section.equals("terms"))) {
                throw new FileRejected("the map file has '" + entry.getKey() + "': only taxonomies: and terms: are known");
            }
            for (Map.Entry<?, ?> rule : rules.entrySet()) {
                String name = String.valueOf(rule.getKey()).strip().toLowerCase(Locale.ROOT);
                String[] words = String.valueOf(rule.getValue()).strip().split("\\s+");
                Target target = target(words[0], rule.getKey());
                if (section.equals("taxonomies")) {
                    map.taxonomies.put(name, target);
                } else {
                    String code = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : null;
                    if (code != null && !ISO_COUNTRIES.contains(code)) {
                        throw new FileRejected("the map file names '" + words[1] + "' for " + rule.getKey() + ": not an ISO 3166 code");
                    }
                    map.terms.put(name, new TermRule(target, code));
                }
            }
        }
        return map;
    }

    private static Target target(String word, Object key) throws FileRejected {
        try {
            return Target.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FileRejected("the map file sends " + key + " to '" + word + "': use regions, countries, tags or ignore");
        }
    }

    /** Whether a source's taxonomy is mapped anywhere (unmapped ones are left out). */
    boolean maps(String taxonomy) {
        Target target = taxonomies.get(taxonomy.toLowerCase(Locale.ROOT));
        return target != null && target != Target.IGNORE;
    }

    /**
     * A text's terms by taxonomy, mapped.
     *
     * @param warn told about each country it could not place
     */
    MappedTerms map(Map<String, List<String>> byTaxonomy, String language, Consumer<String> warn) {
        List<String> regions = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        byTaxonomy.forEach((taxonomy, names) -> {
            Target byDefault = taxonomies.getOrDefault(taxonomy.toLowerCase(Locale.ROOT), Target.IGNORE);
            for (String name : names) {
                TermRule rule = terms.get(name.strip().toLowerCase(Locale.ROOT));
                Target target = rule != null ? rule.target() : byDefault;
                switch (target) {
                    case REGIONS -> addOnce(regions, name.strip());
                    case TAGS -> addOnce(tags, name.strip());
                    case COUNTRIES -> {
                        String code = rule != null && rule.country() != null ? rule.country() : country(name, language);
                        if (code == null) {
                            warn.accept("country '" + name + "' is neither an ISO 3166 code nor a country's name; left out");
                        } else {
                            addOnce(countries, code);
                        }
                    }
                    case IGNORE -> { }
                }
            }
        });
        return new MappedTerms(regions, countries, tags);
    }

    private static void addOnce(List<String> list, String value) {
        if (!value.isEmpty() && !list.contains(value)) {
            list.add(value);
        }
    }

    /** An ISO code as written, or a country's name in {@code language} or in English. */
    static String country(String name, String language) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && ISO_COUNTRIES.contains(upper)) {
            return upper;
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (String in : new String[] {language, "en"}) {
            String code = COUNTRY_NAMES.computeIfAbsent(in, TaxonomyMap::countryNames).get(key);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    private static Map<String, String> countryNames(String language) {
        ULocale reader = ULocale.forLanguageTag(language);
        Map<String, String> names = new LinkedHashMap<>();
        for (String code : ISO_COUNTRIES) {
            String name = new ULocale("", code).getDisplayCountry(reader);
            if (!name.isEmpty()) {
                names.putIfAbsent(name.toLowerCase(reader.toLocale()), code);
            }
        }
        return names;
    }
}
