package org.iskra.translation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.EditorialUser;
import org.iskra.articles.TranslationState;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.taxonomy.Term;
import org.springframework.stereotype.Service;

/**
 * Builds the coverage report from every published original. Work is ordered by what readers most need: the
 * originals most read in the last {@value #READS_DAYS} days first (in any language: what one language's readers
 * read, others will want), then the newest, since a new analysis has had no time to be read yet and is what readers
 * in other languages are waiting for.
 */
@Service
public class CoverageReport {

    private static final int MAX_TASKS = 200;
    static final int READS_DAYS = 30;

    private final ArticleCatalog catalog;
    private final Taxonomy taxonomy;
    private final Languages languages;

    CoverageReport(ArticleCatalog catalog, Taxonomy taxonomy, Languages languages) {
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.languages = languages;
    }

    /**
     * @param only      limit to these languages (empty: every configured language)
     * @param readerLanguage the language names and region names are given in
     */
    public Coverage build(List<String> only, Language readerLanguage) {
        List<Language> targets = languages.all().stream()
                .filter(l -> only.isEmpty() || only.contains(l.code()))
                .toList();
        Map<Long, Original> originals = originals();
        Map<Long, List<Term>> regions = taxonomy.regionsByArticle(readerLanguage.code());
        Map<Long, Long> reads = catalog.readsSince(LocalDate.now(ZoneOffset.UTC).minusDays(READS_DAYS - 1));

        List<Coverage.LanguageCoverage> perLanguage = new ArrayList<>();
        Map<String, Map<String, int[]>> perRegion = new TreeMap<>();
        Map<String, String> regionNames = new HashMap<>();
        List<Coverage.Task> tasks = new ArrayList<>();
        for (Language target : targets) {
            int[] counts = new int[3];
            for (Original original : originals.values()) {
                if (original.state.originalLanguage().equals(target.code())) {
                    continue;
                }
                int kind = kindOf(original, target.code());
                counts[kind]++;
                for (Term region : regions.getOrDefault(original.state.articleId(), List.of())) {
                    regionNames.put(region.slug(), region.name());
                    perRegion.computeIfAbsent(region.slug(), r -> new LinkedHashMap<>())
                            .computeIfAbsent(target.code(), l -> new int[3])[kind]++;
                }
                if (kind != 0) {
                    tasks.add(new Coverage.Task(original.state.articleId(), target.code(), kind == 1 ? "outdated" : "missing",
                            original.state.originalLanguage(), original.state.originalTitle(),
                            "/" + original.state.originalLanguage() + "/articles/" + original.state.originalSlug(),
                            original.state.publishedAt(), reads.getOrDefault(original.state.articleId(), 0L), kind == 1 ? original.slugs.get(target.code()) : null));
                }
            }
            perLanguage.add(new Coverage.LanguageCoverage(target.code(), target.nameIn(readerLanguage), counts(counts)));
        }
        List<Coverage.RegionCoverage> byRegion = new ArrayList<>();
        perRegion.forEach((region, byLanguage) -> byLanguage.forEach((language, counts) ->
                byRegion.add(new Coverage.RegionCoverage(region, regionNames.get(region), language, counts(counts)))));
        tasks.sort(Comparator.comparingLong(Coverage.Task::reads).reversed()
                .thenComparing(Coverage.Task::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Coverage.Task::language));
        return new Coverage(originals.size(), perLanguage, byRegion, List.copyOf(tasks.subList(0, Math.min(MAX_TASKS, tasks.size()))));
    }

    /**
     * The matrix of one page of originals against every site language.
     *
     * @param first the languages whose work comes first: columns, and the rows with work in them
     * @param user  who reads it: cells link only to what they may open
     */
    public CoverageMatrix matrix(List<String> first, EditorialUser user, Language readerLanguage, int page, int pageSize) {
        List<String> codes = new ArrayList<>(first);
        languages.all().stream().map(Language::code).filter(code -> !codes.contains(code)).forEach(codes::add);
        List<Original> originals = new ArrayList<>(originals().values());
        Map<Long, Long> reads = catalog.readsSince(LocalDate.now(ZoneOffset.UTC).minusDays(READS_DAYS - 1));
        originals.sort(Comparator.comparing((Original o) -> first.stream().noneMatch(l -> hasWork(o, l)))
                .thenComparing(o -> -reads.getOrDefault(o.state.articleId(), 0L))
                .thenComparing(o -> o.state.publishedAt(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(o -> -o.state.articleId()));
        List<CoverageMatrix.Column> columns = new ArrayList<>();
        for (String code : codes) {
            int[] counts = new int[3];
            originals.stream().filter(o -> !o.state.originalLanguage().equals(code)).forEach(o -> counts[kindOf(o, code)]++);
            columns.add(new CoverageMatrix.Column(code, new Language(code).nameIn(readerLanguage), first.contains(code), counts(counts)));
        }
        int pageCount = Math.max(1, (originals.size() + pageSize - 1) / pageSize);
        List<CoverageMatrix.Row> rows = originals.stream().skip((long) (page - 1) * pageSize).limit(pageSize)
                .map(o -> new CoverageMatrix.Row(o.state.articleId(), o.state.originalLanguage(), o.state.originalTitle(),
                        "/" + o.state.originalLanguage() + "/articles/" + o.state.originalSlug(),
                        codes.stream().map(code -> cell(o, code, user)).toList()))
                .toList();
        return new CoverageMatrix(columns, rows, page, pageCount, originals.size(),
                originals.size() > pageSize ? regionRows(originals, codes, readerLanguage) : List.of());
    }

    private static boolean hasWork(Original original, String language) {
        return !original.state.originalLanguage().equals(language) && kindOf(original, language) != 0;
    }

    private static CoverageMatrix.Cell cell(Original original, String language, EditorialUser user) {
        TranslationState state = original.state;
        if (state.originalLanguage().equals(language)) {
            return new CoverageMatrix.Cell(language, "original", "/" + language + "/articles/" + state.originalSlug());
        }
        String slug = original.slugs.get(language);
        return switch (kindOf(original, language)) {
            case 0 -> new CoverageMatrix.Cell(language, "current", "/" + language + "/articles/" + slug);
            case 1 -> new CoverageMatrix.Cell(language, "outdated",
                    user.translatesInto(language) ? "/admin/translations/" + language + "/" + slug : null);
            default -> new CoverageMatrix.Cell(language, "missing",
                    user.mayStartTranslation(language, true, state.createdBy())
                            ? "/admin/articles/new?from=" + state.originalId() + "&language=" + language : null);
        };
    }

    /** Counts per region and language, the regions sorted by their names. */
    private List<CoverageMatrix.RegionRow> regionRows(List<Original> originals, List<String> codes, Language readerLanguage) {
        Map<Long, List<Term>> regions = taxonomy.regionsByArticle(readerLanguage.code());
        Map<String, String> names = new HashMap<>();
        Map<String, Map<String, int[]>> counts = new HashMap<>();
        for (Original original : originals) {
            for (Term region : regions.getOrDefault(original.state.articleId(), List.of())) {
                names.put(region.slug(), region.name());
                for (String code : codes) {
                    if (!original.state.originalLanguage().equals(code)) {
                        counts.computeIfAbsent(region.slug(), r -> new HashMap<>())
                                .computeIfAbsent(code, c -> new int[3])[kindOf(original, code)]++;
                    }
                }
            }
        }
        return counts.entrySet().stream()
                .map(e -> new CoverageMatrix.RegionRow(e.getKey(), names.get(e.getKey()), codes.stream()
                        .map(code -> counts(e.getValue().getOrDefault(code, new int[3]))).toList()))
                .sorted(Comparator.comparing(CoverageMatrix.RegionRow::name))
                .toList();
    }

    /** Every published original with its published translations, newest first. */
    private Map<Long, Original> originals() {
        Map<Long, Original> originals = new LinkedHashMap<>();
        for (TranslationState state : catalog.translationStates()) {
            Original original = originals.computeIfAbsent(state.articleId(), id -> new Original(state));
            if (state.language() != null) {
                original.translations.put(state.language(), state.outdated());
                original.slugs.put(state.language(), state.slug());
            }
        }
        return originals;
    }

    /** 0 current, 1 outdated, 2 missing. */
    private static int kindOf(Original original, String language) {
        Boolean outdated = original.translations.get(language);
        return outdated == null ? 2 : outdated ? 1 : 0;
    }

    private static Coverage.Counts counts(int[] c) {
        return new Coverage.Counts(c[0], c[1], c[2]);
    }

    private static final class Original {
        final TranslationState state;
        final Map<String, Boolean> translations = new HashMap<>();
        final Map<String, String> slugs = new HashMap<>();

        Original(TranslationState state) {
            this.state = state;
        }
    }
}
