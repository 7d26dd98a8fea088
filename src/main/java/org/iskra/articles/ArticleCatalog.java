package org.iskra.articles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads what readers may see: published translations only. */
@Service
@Transactional(readOnly = true)
public class ArticleCatalog {

    private static final String PUBLISHED = """
            from translation t
            join article a on a.id = t.article_id
            join revision r on r.id = t.published_revision_id
            where t.status = 'published'
            """;

    private final JdbcClient jdbc;
    private final BodyRenderer bodyRenderer;
    private final BodyText bodyText;
    private final ArticleReads reads;

    ArticleCatalog(JdbcClient jdbc, BodyRenderer bodyRenderer, BodyText bodyText, ArticleReads reads) {
        this.jdbc = jdbc;
        this.bodyRenderer = bodyRenderer;
        this.bodyText = bodyText;
        this.reads = reads;
    }

    /** How often each article was read since {@code day} (inclusive, UTC), all its languages together. */
    public Map<Long, Long> readsSince(LocalDate day) {
        return reads.readsSince(day);
    }

    private record PageRow(long articleId, long translationId, String language, String slug, String title,
                           String standfirst, String body, String attribution, String originalLanguage,
                           OffsetDateTime publishedAt, OffsetDateTime revisedAt, OffsetDateTime updatedAt, Long leadMediaId,
                           OffsetDateTime originalChangedAt) {
    }

    private static final String PAGE_COLUMNS = """
            select a.id as article_id, t.id as translation_id, t.language, t.slug, r.title, r.standfirst, r.body,
                   coalesce(t.attribution, a.attribution) as attribution, a.original_language, t.published_at,
                   r.revised_at, t.updated_at, a.lead_media_id,
            """ + OutdatedTranslations.ORIGINAL_CHANGED_AT + " as original_changed_at\n";

    public Optional<PublishedArticle> published(String language, String slug) {
        return jdbc.sql(PAGE_COLUMNS + PUBLISHED + " and t.language = ? and t.slug = ?")
                .params(language, slug)
                .query(PageRow.class).optional()
                .map(this::toPage);
    }

    /** The published versions of the article that has this slug in some language, for "not in your language" pages. */
    public List<ArticleVersion> versionsOfSlug(String slug) {
        return jdbc.sql("select t.article_id from translation t where t.slug = ? and t.status = 'published' fetch first 1 rows only")
                .param(slug)
                .query(Long.class).optional()
                .map(this::versions)
                .orElse(List.of());
    }

    /** Every published translation of one article, e.g. to re-index it after a change. */
    public List<PublishedArticle> published(long articleId) {
        return jdbc.sql(PAGE_COLUMNS + PUBLISHED + " and a.id = ? order by t.language")
                .param(articleId)
                .query(PageRow.class).list().stream()
                .map(this::toPage)
                .toList();
    }

    private record TextRow(long articleId, String language, String slug, String title, String standfirst, String body,
                           OffsetDateTime publishedAt, OffsetDateTime updatedAt) {
    }

    /**
     * The published translations of the articles with ids from {@code from} to {@code to} (inclusive) as plain text,
     * in one query: the search index reads the whole archive this way, a run of articles at a time.
     */
    public List<PublishedText> publishedTexts(long from, long to) {
        return jdbc.sql("""
                        select a.id as article_id, t.language, t.slug, r.title, r.standfirst, r.body, t.published_at, t.updated_at
                        """ + PUBLISHED + " and a.id between ? and ? order by a.id, t.language")
                .params(from, to)
                .query(TextRow.class).list().stream()
                .map(row -> new PublishedText(row.articleId(), row.language(), row.slug(), row.title(), row.standfirst(),
                        bodyText.plainText(row.body()), row.publishedAt(), row.updatedAt()))
                .toList();
    }

    /** The ids of every article with a published translation, in order. */
    public List<Long> publishedArticleIds() {
        return jdbc.sql("select distinct t.article_id from translation t where t.status = 'published' order by t.article_id")
                .query(Long.class).list();
    }

    /** The newest published articles of a listing with their full text, for feeds. */
    public List<PublishedArticle> latestInFull(ArticleListing listing, String language, int limit) {
        return jdbc.sql(PAGE_COLUMNS + PUBLISHED + " and t.language = :language" + listing.kind().filter + " "
                        + "order by t.published_at desc, t.id desc fetch first :limit rows only")
                .param("language", language)
                .param("key", listing.key())
                .param("limit", limit)
                .query(PageRow.class).list().stream()
                .map(this::toPage)
                .toList();
    }

    /** All published translations, oldest article first, for sitemaps and full re-indexing. */
    public List<TranslationStamp> allPublished() {
        return jdbc.sql("""
                select a.id as article_id, t.language, t.slug, r.title, a.original_language, t.published_at, t.updated_at
                """ + PUBLISHED + " order by a.id, t.language")
                .query(TranslationStamp.class).list();
    }

    /** Every published original with each of its published translations and whether it is outdated. */
    public List<TranslationState> translationStates() {
        return jdbc.sql("""
                select a.id as article_id, o.id as original_id, a.created_by, a.original_language, o.slug as original_slug, ro.title as original_title,
                       o.published_at, t.language, t.slug,
                       case when t.id is not null and\s""" + OutdatedTranslations.ORIGINAL_CHANGED_AT + """
                        is not null then true else false end as outdated
                  from article a
                  join translation o on o.article_id = a.id and o.language = a.original_language and o.status = 'published'
                  join revision ro on ro.id = o.published_revision_id
                  left join translation t on t.article_id = a.id and t.language <> a.original_language and t.status = 'published'
                 order by o.published_at desc, a.id, t.language""")
                .query(TranslationState.class).list();
    }

    /** For a translation: the original's revision it follows and the original's current one, to show what changed. */
    public Optional<OriginalDrift> originalDrift(String language, String slug) {
        record Ids(long articleId, String originalLanguage, Long followed, Long current) {
        }
        Optional<Ids> ids = jdbc.sql("""
                select a.id as article_id, a.original_language, t.source_revision_id as followed, o.published_revision_id as current
                  from translation t
                  join article a on a.id = t.article_id
                  join translation o on o.article_id = a.id and o.language = a.original_language
                 where t.language = ? and t.slug = ? and t.language <> a.original_language""")
                .params(language, slug)
                .query(Ids.class).optional();
        if (ids.isEmpty() || ids.get().followed() == null || ids.get().current() == null) {
            return Optional.empty();
        }
        return Optional.of(new OriginalDrift(ids.get().articleId(), language, ids.get().originalLanguage(),
                revision(ids.get().followed()), revision(ids.get().current())));
    }

    private RevisionText revision(long id) {
        return jdbc.sql("select id as revision_id, number, title, standfirst, body, revised_at from revision where id = ?")
                .param(id)
                .query(RevisionText.class).single();
    }

    private PublishedArticle toPage(PageRow row) {
        return new PublishedArticle(row.articleId(), row.translationId(), row.language(), row.slug(),
                row.title(), row.standfirst(), bodyRenderer.render(row.body()), row.attribution(),
                row.originalLanguage(), row.publishedAt(), row.revisedAt(), row.updatedAt(), row.leadMediaId(),
                row.originalChangedAt(), versions(row.articleId()));
    }

    public List<ArticleVersion> versions(long articleId) {
        return jdbc.sql("""
                select t.language, t.slug, r.title, case when t.language = a.original_language then true else false end as original
                """ + PUBLISHED + " and a.id = ? order by t.language")
                .param(articleId)
                .query(ArticleVersion.class).list();
    }

    /** One page (1-based) of a listing, newest first; empty pages past the end. */
    public ArticleList list(ArticleListing listing, String language, int page, int pageSize) {
        String filter = listing.kind().filter;
        String key = listing.key();
        long total = jdbc.sql("select count(*) " + PUBLISHED + " and t.language = :language" + filter)
                .param("language", language)
                .param("key", key)
                .query(Long.class).single();
        List<ArticleSummary> articles = jdbc.sql("""
                select a.id as article_id, t.language, t.slug, r.title, r.standfirst, coalesce(t.attribution, a.attribution) as attribution, t.published_at, a.original_language
                """ + PUBLISHED + " and t.language = :language" + filter + " " + """
                 order by t.published_at desc, t.id desc
                 offset :offset rows fetch next :limit rows only""")
                .param("language", language)
                .param("key", key)
                .param("offset", (long) (page - 1) * pageSize)
                .param("limit", pageSize)
                .query(ArticleSummary.class).list();
        int pageCount = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        return new ArticleList(articles, page, pageCount, total);
    }

    /** Whether any article exists at all, published or not: an empty database is one the demo may fill. */
    public boolean hasArticles() {
        return jdbc.sql("select exists (select 1 from article)").query(Boolean.class).single();
    }

    /**
     * The id of the newest entry in the article change log, 0 if none: an index that notes the id it reflects can
     * tell on start whether it missed changes.
     */
    public long latestChangeId() {
        return jdbc.sql("select coalesce(max(id), 0) from article_change").query(Long.class).single();
    }

    /** Languages with at least one published article, for the language menu. */
    public List<String> publishedLanguages() {
        return jdbc.sql("select distinct t.language from translation t where t.status = 'published' order by t.language")
                .query(String.class).list();
    }
}
