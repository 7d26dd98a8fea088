package org.iskra.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.iskra.IskraApplication;
import org.iskra.site.CommandLine;
import org.iskra.taxonomy.Term;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills a database with the search benchmark's generated corpus as published articles, for timing
 * {@code iskra.jar reindex} on an archive of realistic size: {@code DatabaseCorpus TRANSLATIONS [--iskra.setting=…]}.
 * Everything goes in with batched inserts, in the tables' own terms: the benchmark measures reading the archive
 * back, not saving it (saving one article at a time through the editor's path would take most of an hour here).
 * As in the application, the original decides an article's regions, countries and tags; each translation names
 * them in its language. {@code --languages=en,ru} gives every article one translation in each of those languages (the
 * mirror's benchmark); by default articles have three translations in turn among ten languages.
 */
public final class DatabaseCorpus {

    private static final int BATCH = 500;
    /** How many consecutive translations make one article. */
    private static int perArticle = 3;

    private DatabaseCorpus() {
    }

    public static void main(String[] args) throws Exception {
        int translations = Integer.parseInt(args[0]);
        List<String> settings = new ArrayList<>(List.of(args).subList(1, args.length));
        BenchmarkCorpus corpus = new BenchmarkCorpus();
        for (String setting : List.copyOf(settings)) {
            if (setting.startsWith("--languages=")) {
                List<String> languages = List.of(setting.substring("--languages=".length()).split(","));
                perArticle = languages.size();
                corpus = new BenchmarkCorpus(languages, perArticle);
                settings.remove(setting);
            }
        }
        try (ConfigurableApplicationContext context = CommandLine.start(IskraApplication.class, settings,
                List.of("--iskra.demo=false", "--" + SearchEnabled.PROPERTY + "=false"), List.of())) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Integer existing = jdbc.queryForObject("select count(*) from translation", Integer.class);
            if (existing != null && existing > 0) {
                throw new IllegalStateException("the database already holds translations: give an empty data folder");
            }
            Terms terms = new Terms();
            long started = System.nanoTime();
            for (int first = 0; first < translations; first += BATCH) {
                List<IndexedTranslation> batch = new ArrayList<>();
                for (int n = first; n < Math.min(first + BATCH, translations); n++) {
                    batch.add(corpus.translation(n));
                }
                insert(jdbc, first, batch);
                terms.insert(jdbc, first, batch);
                if ((first + BATCH) % 10_000 == 0) {
                    System.out.printf("%d translations stored, %.0f s%n", first + BATCH, (System.nanoTime() - started) / 1e9);
                }
            }
            int articles = (translations + perArticle - 1) / perArticle;
            // later saves must not collide with the ids given here
            jdbc.execute("alter table article alter column id restart with " + (articles + 1));
            jdbc.execute("alter table translation alter column id restart with " + (translations + 1));
            jdbc.execute("alter table revision alter column id restart with " + (translations + 1));
            terms.restartIds(jdbc);
            System.out.printf("%d translations of %d articles stored in %.0f s%n", translations, articles,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** Translation n belongs to article n / perArticle (as in the corpus), whose original is its first translation. */
    private static long articleId(int n) {
        return n / perArticle + 1;
    }

    private static void insert(JdbcTemplate jdbc, int first, List<IndexedTranslation> batch) {
        List<Object[]> articles = new ArrayList<>();
        List<Object[]> translations = new ArrayList<>();
        List<Object[]> revisions = new ArrayList<>();
        List<Object[]> published = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            int n = first + i;
            IndexedTranslation t = batch.get(i);
            if (n % perArticle == 0) {
                articles.add(new Object[] {articleId(n), "bench-" + articleId(n), t.language(), t.publishedAt()});
            }
            translations.add(new Object[] {n + 1L, articleId(n), t.language(), t.slug(), t.publishedAt(), t.updatedAt()});
            revisions.add(new Object[] {n + 1L, n + 1L, t.title(), t.standfirst(), t.bodyText(),
                    sha256(t.title() + t.standfirst() + t.bodyText()), t.updatedAt()});
            published.add(new Object[] {n + 1L, n + 1L});
        }
        jdbc.batchUpdate("insert into article (id, translation_key, original_language, first_published_at) values (?, ?, ?, ?)", articles);
        jdbc.batchUpdate("""
                insert into translation (id, article_id, language, slug, status, published_at, updated_at)
                values (?, ?, ?, ?, 'published', ?, ?)""", translations);
        jdbc.batchUpdate("""
                insert into revision (id, translation_id, number, title, standfirst, body, content_hash, revised_at, created_by)
                values (?, ?, 1, ?, ?, ?, ?, ?, 'benchmark')""", revisions);
        jdbc.batchUpdate("update translation set published_revision_id = ? where id = ?", published);
    }

    /** Regions and tags met so far (slug → id), and which names they have. */
    private static final class Terms {
        private final Map<String, Long> regions = new HashMap<>();
        private final Map<String, Long> tags = new HashMap<>();
        private final Set<String> named = new HashSet<>();
        /** The terms of the article being stored, set by its original and named by its translations. */
        private List<Long> articleRegions = List.of();
        private List<Long> articleTags = List.of();

        void insert(JdbcTemplate jdbc, int first, List<IndexedTranslation> batch) {
            List<Object[]> newRegions = new ArrayList<>();
            List<Object[]> newTags = new ArrayList<>();
            List<Object[]> regionNames = new ArrayList<>();
            List<Object[]> tagNames = new ArrayList<>();
            List<Object[]> articleRegionRows = new ArrayList<>();
            List<Object[]> articleTagRows = new ArrayList<>();
            List<Object[]> countryRows = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                int n = first + i;
                IndexedTranslation t = batch.get(i);
                if (n % perArticle == 0) {
                    articleRegions = ids(t.regions(), regions, newRegions);
                    articleTags = ids(t.tags(), tags, newTags);
                    for (int p = 0; p < articleRegions.size(); p++) {
                        articleRegionRows.add(new Object[] {articleId(n), articleRegions.get(p), p});
                    }
                    for (int p = 0; p < articleTags.size(); p++) {
                        articleTagRows.add(new Object[] {articleId(n), articleTags.get(p), p});
                    }
                    for (int p = 0; p < t.countries().size(); p++) {
                        countryRows.add(new Object[] {articleId(n), t.countries().get(p).slug().toUpperCase(Locale.ROOT), p});
                    }
                }
                name("r", articleRegions, t.regions(), t.language(), regionNames);
                name("t", articleTags, t.tags(), t.language(), tagNames);
            }
            jdbc.batchUpdate("insert into region (id, slug) values (?, ?)", newRegions);
            jdbc.batchUpdate("insert into tag (id, slug) values (?, ?)", newTags);
            jdbc.batchUpdate("insert into region_name (region_id, language, name) values (?, ?, ?)", regionNames);
            jdbc.batchUpdate("insert into tag_name (tag_id, language, name) values (?, ?, ?)", tagNames);
            jdbc.batchUpdate("insert into article_region (article_id, region_id, position) values (?, ?, ?)", articleRegionRows);
            jdbc.batchUpdate("insert into article_tag (article_id, tag_id, position) values (?, ?, ?)", articleTagRows);
            jdbc.batchUpdate("insert into article_country (article_id, country_code, position) values (?, ?, ?)", countryRows);
        }

        void restartIds(JdbcTemplate jdbc) {
            jdbc.execute("alter table region alter column id restart with " + (regions.size() + 1));
            jdbc.execute("alter table tag alter column id restart with " + (tags.size() + 1));
        }

        private static List<Long> ids(List<Term> terms, Map<String, Long> known, List<Object[]> created) {
            List<Long> ids = new ArrayList<>();
            for (Term term : terms) {
                Long id = known.get(term.slug());
                if (id == null) {
                    id = known.size() + 1L;
                    known.put(term.slug(), id);
                    created.add(new Object[] {id, term.slug()});
                }
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            return ids;
        }

        /** A translation names the article's terms by position, in its language, once per term and language. */
        private void name(String kind, List<Long> ids, List<Term> names, String language, List<Object[]> rows) {
            for (int p = 0; p < Math.min(ids.size(), names.size()); p++) {
                if (named.add(kind + ids.get(p) + ":" + language)) {
                    rows.add(new Object[] {ids.get(p), language, names.get(p).name()});
                }
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
