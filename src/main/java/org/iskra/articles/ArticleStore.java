package org.iskra.articles;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Writes and reads article, translation and revision rows for saving. */
@Repository
class ArticleStore {

    record ArticleRow(long id, String translationKey, String originalLanguage, String attribution, Long leadMediaId) {
    }

    record TranslationRow(long id, long articleId, String language, String slug, EditorialStatus status,
                          Long publishedRevisionId, Long sourceRevisionId, OffsetDateTime publishedAt) {
    }

    /** Rows by their column names, as for the other rows; the status column holds {@link EditorialStatus#value()}. */
    private static final RowMapper<TranslationRow> TRANSLATION_ROWS =
            new SimplePropertyRowMapper<>(TranslationRow.class, statusConversion());

    record RevisionRow(long id, int number, String contentHash) {
    }

    private final JdbcClient jdbc;

    ArticleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static ConversionService statusConversion() {
        DefaultConversionService conversions = new DefaultConversionService();
        conversions.addConverter(String.class, EditorialStatus.class, EditorialStatus::of);
        return conversions;
    }

    Optional<ArticleRow> findArticle(String translationKey) {
        return jdbc.sql("""
                select id, translation_key, original_language, attribution, lead_media_id
                  from article where translation_key = ?""")
                .param(translationKey)
                .query(ArticleRow.class).optional();
    }

    ArticleRow insertArticle(String translationKey, String originalLanguage, String attribution, String createdBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into article (translation_key, original_language, attribution, created_by) values (?, ?, ?, ?)")
                .params(translationKey, originalLanguage, attribution, createdBy)
                .update(keys, "id");
        return new ArticleRow(keys.getKey().longValue(), translationKey, originalLanguage, attribution, null);
    }

    boolean updateArticleMetadata(long articleId, String attribution, Long leadMediaId) {
        return jdbc.sql("""
                update article set attribution = :attribution, lead_media_id = :lead
                 where id = :id
                   and (coalesce(attribution, '') <> coalesce(:attribution, '')
                        or coalesce(lead_media_id, -1) <> coalesce(:lead, -1))""")
                .param("attribution", attribution)
                .param("lead", leadMediaId)
                .param("id", articleId)
                .update() > 0;
    }

    void recordFirstPublication(long articleId, OffsetDateTime publishedAt) {
        jdbc.sql("""
                update article set first_published_at = ?
                 where id = ? and (first_published_at is null or first_published_at > ?)""")
                .params(publishedAt, articleId, publishedAt)
                .update();
    }

    Optional<TranslationRow> findTranslation(long articleId, String language) {
        return jdbc.sql("""
                select id, article_id, language, slug, status, published_revision_id, source_revision_id, published_at
                  from translation where article_id = ? and language = ?""")
                .params(articleId, language)
                .query(TRANSLATION_ROWS).optional();
    }

    Optional<TranslationRow> findTranslation(long translationId) {
        return jdbc.sql("""
                select id, article_id, language, slug, status, published_revision_id, source_revision_id, published_at
                  from translation where id = ?""")
                .param(translationId)
                .query(TRANSLATION_ROWS).optional();
    }

    boolean isOriginal(long translationId) {
        return jdbc.sql("""
                select count(*) from translation t join article a on a.id = t.article_id
                 where t.id = ? and t.language = a.original_language""")
                .param(translationId)
                .query(Long.class).single() > 0;
    }

    Optional<Long> translationIdBySlug(String language, String slug) {
        return jdbc.sql("select id from translation where language = ? and slug = ?")
                .params(language, slug)
                .query(Long.class).optional();
    }

    Set<String> languagesOf(long articleId) {
        return new LinkedHashSet<>(jdbc.sql("select language from translation where article_id = ? order by language")
                .param(articleId)
                .query(String.class).list());
    }

    long insertTranslation(long articleId, String language, String slug) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into translation (article_id, language, slug, status) values (?, ?, ?, 'draft')")
                .params(articleId, language, slug)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean updateAttribution(long translationId, String attribution) {
        return jdbc.sql("""
                update translation set attribution = :attribution
                 where id = :id and coalesce(attribution, '') <> coalesce(:attribution, '')""")
                .param("attribution", attribution)
                .param("id", translationId)
                .update() > 0;
    }

    void updateSlug(long translationId, String slug) {
        jdbc.sql("update translation set slug = ? where id = ?").params(slug, translationId).update();
    }

    void publish(long translationId, long revisionId, OffsetDateTime publishedAt) {
        jdbc.sql("""
                update translation set status = 'published', published_revision_id = ?, published_at = ?, scheduled_at = null
                 where id = ?""")
                .params(revisionId, publishedAt, translationId)
                .update();
    }

    void markDraft(long translationId) {
        jdbc.sql("update translation set status = 'draft' where id = ?").param(translationId).update();
    }

    void followOriginalRevision(long translationId, long originalRevisionId) {
        jdbc.sql("update translation set source_revision_id = ? where id = ?")
                .params(originalRevisionId, translationId)
                .update();
    }

    void touch(long translationId, OffsetDateTime now) {
        jdbc.sql("update translation set updated_at = ?, edit_version = edit_version + 1 where id = ?")
                .params(now, translationId)
                .update();
    }

    /** The edit version, holding the row until commit so that two saves of one translation take turns. */
    int lockVersion(long translationId) {
        return jdbc.sql("select edit_version from translation where id = ? for update")
                .param(translationId)
                .query(Integer.class).single();
    }

    void setStatus(long translationId, EditorialStatus status) {
        jdbc.sql("update translation set status = ?, scheduled_at = null where id = ?")
                .params(status.value(), translationId)
                .update();
    }

    void schedule(long translationId, OffsetDateTime publishAt) {
        jdbc.sql("update translation set status = 'scheduled', scheduled_at = ? where id = ?")
                .params(publishAt, translationId)
                .update();
    }

    Optional<OffsetDateTime> scheduledAt(long translationId) {
        return jdbc.sql("select scheduled_at from translation where id = ? and scheduled_at is not null")
                .param(translationId)
                .query(OffsetDateTime.class).optional();
    }

    java.util.List<Long> scheduledBefore(OffsetDateTime now) {
        return jdbc.sql("""
                select id from translation
                 where status = 'scheduled' and scheduled_at <= ?
                 order by scheduled_at, id""")
                .param(now)
                .query(Long.class).list();
    }

    Optional<RevisionRow> latestRevision(long translationId) {
        return jdbc.sql("""
                select id, number, content_hash from revision
                 where translation_id = ? order by number desc fetch first 1 rows only""")
                .param(translationId)
                .query(RevisionRow.class).optional();
    }

    long insertRevision(long translationId, int number, TranslationInput input, String hash, OffsetDateTime revisedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into revision (translation_id, number, title, standfirst, body, content_hash, revised_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(translationId, number, input.title(), input.standfirst(), input.body(), hash, revisedAt, input.savedBy())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Long> originalPublishedRevision(long articleId) {
        return jdbc.sql("""
                select t.published_revision_id from translation t join article a on a.id = t.article_id
                 where a.id = ? and t.language = a.original_language and t.published_revision_id is not null""")
                .param(articleId)
                .query(Long.class).optional();
    }

    /** The newest revision of the original made at or before the given time. */
    Optional<Long> originalRevisionAt(long articleId, OffsetDateTime at) {
        return jdbc.sql("""
                select r.id from revision r
                  join translation t on t.id = r.translation_id
                  join article a on a.id = t.article_id and t.language = a.original_language
                 where a.id = ? and r.revised_at <= ?
                 order by r.revised_at desc, r.number desc fetch first 1 rows only""")
                .params(articleId, at)
                .query(Long.class).optional();
    }
}
