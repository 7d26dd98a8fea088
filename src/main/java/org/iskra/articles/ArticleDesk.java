package org.iskra.articles;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads what staff work on: every translation in any status, its newest text and its revisions. */
@Service
@Transactional(readOnly = true)
public class ArticleDesk {

    /** The newest revision of each translation, whatever its status. */
    private static final String NEWEST = """
            from translation t
            join article a on a.id = t.article_id
            join revision r on r.translation_id = t.id
             and r.number = (select max(n.number) from revision n where n.translation_id = t.id)
            where 1 = 1""";

    private final JdbcClient jdbc;
    private final BodyRenderer bodyRenderer;

    ArticleDesk(JdbcClient jdbc, BodyRenderer bodyRenderer) {
        this.jdbc = jdbc;
        this.bodyRenderer = bodyRenderer;
    }

    /** Markdown as the public page renders it (sanitized HTML), so a preview shows what readers will see. */
    public String preview(String markdown) {
        return bodyRenderer.render(markdown == null ? "" : markdown);
    }

    /**
     * Which translations the list shows; empty strings and null mean "any".
     *
     * @param createdBy only articles created by this staff user (an author sees their own)
     */
    public record Filter(String language, String status, String createdBy, String region, String tag,
                         boolean outdated, String query) {
    }

    public record Entry(long translationId, long articleId, String language, String slug, String title, String status,
                        String createdBy, OffsetDateTime updatedAt, OffsetDateTime scheduledAt, boolean outdated) {
    }

    public record Page(List<Entry> entries, int page, int pageCount, long total) {
    }

    /** One page (1-based) of translations, most recently changed first. */
    public Page list(Filter filter, int page, int pageSize) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (present(filter.language())) {
            where.append(" and t.language = :language");
            params.put("language", filter.language());
        }
        if (present(filter.status())) {
            where.append(" and t.status = :status");
            params.put("status", filter.status());
        }
        if (present(filter.createdBy())) {
            where.append(" and a.created_by = :createdBy");
            params.put("createdBy", filter.createdBy());
        }
        if (present(filter.region())) {
            where.append(ArticleListing.Kind.REGION.filter.replace(":key", ":region"));
            params.put("region", filter.region());
        }
        if (present(filter.tag())) {
            where.append(ArticleListing.Kind.TAG.filter.replace(":key", ":tag"));
            params.put("tag", filter.tag());
        }
        if (filter.outdated()) {
            where.append(" and ").append(OutdatedTranslations.ORIGINAL_CHANGED_AT).append(" is not null");
        }
        if (present(filter.query())) {
            where.append(" and lower(r.title) like :query escape '\\'");
            params.put("query", "%" + filter.query().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) " + NEWEST + where).params(params).query(Long.class).single();
        List<Entry> entries = jdbc.sql("""
                select t.id as translation_id, a.id as article_id, t.language, t.slug, r.title, t.status,
                       a.created_by, t.updated_at, t.scheduled_at,
                       case when\s""" + OutdatedTranslations.ORIGINAL_CHANGED_AT + """
                        is not null then true else false end as outdated
                """ + NEWEST + where + " " + """
                 order by t.updated_at desc, t.id desc
                 offset :offset rows fetch next :limit rows only""")
                .params(params)
                .param("offset", (long) (page - 1) * pageSize)
                .param("limit", pageSize)
                .query(Entry.class).list();
        int pageCount = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        return new Page(entries, page, pageCount, total);
    }

    /** A translation as the editor loads it: its newest text, status and edit version; {@code updatedBy} wrote the newest revision. */
    public record Draft(long translationId, long articleId, String translationKey, String language,
                        String originalLanguage, String slug, String status, int version, String title,
                        String standfirst, String body, String attribution, String createdBy, int revision,
                        Integer publishedRevision, OffsetDateTime scheduledAt, OffsetDateTime publishedAt,
                        Long leadMediaId, String updatedBy) {

        public boolean isOriginal() {
            return language.equals(originalLanguage);
        }

        public boolean is(EditorialStatus editorial) {
            return editorial.value().equals(status);
        }

        /** Published, but the newest revision is not the one readers see. */
        public boolean hasUnpublishedChanges() {
            return is(EditorialStatus.PUBLISHED) && publishedRevision != null && publishedRevision != revision;
        }
    }

    private static final String DRAFT_COLUMNS = """
            select t.id as translation_id, a.id as article_id, a.translation_key, t.language, a.original_language,
                   t.slug, t.status, t.edit_version as version, r.title, r.standfirst, r.body,
                   coalesce(t.attribution, a.attribution) as attribution, a.created_by, r.number as revision,
                   (select p.number from revision p where p.id = t.published_revision_id) as published_revision,
                   t.scheduled_at, t.published_at, a.lead_media_id,
                   r.created_by as updated_by
            """;

    public Optional<Draft> draft(long translationId) {
        return jdbc.sql(DRAFT_COLUMNS + NEWEST + " and t.id = ?")
                .param(translationId)
                .query(Draft.class).optional();
    }

    /**
     * A published translation with the text readers see, not its unpublished changes; empty when it is not
     * published. What a translator reads of an original.
     */
    public Optional<Draft> published(long translationId) {
        return jdbc.sql(DRAFT_COLUMNS + """
                from translation t
                join article a on a.id = t.article_id
                join revision r on r.id = t.published_revision_id
                where t.status = 'published' and t.id = ?""")
                .param(translationId)
                .query(Draft.class).optional();
    }

    /** The article's translation in a language, if it has one. */
    public Optional<Long> translationOf(long articleId, String language) {
        return jdbc.sql("select id from translation where article_id = ? and language = ?")
                .params(articleId, language)
                .query(Long.class).optional();
    }

    /** Who created the article a translation belongs to; empty when there is no such translation. */
    public Optional<String> creatorOf(long translationId) {
        return jdbc.sql("""
                select coalesce(a.created_by, '') from translation t join article a on a.id = t.article_id
                 where t.id = ?""")
                .param(translationId)
                .query(String.class).optional();
    }

    public record RevisionEntry(int number, String title, String createdBy, OffsetDateTime createdAt, boolean published) {
    }

    /** Every revision of a translation, newest first. */
    public List<RevisionEntry> revisions(long translationId) {
        return jdbc.sql("""
                select r.number, r.title, r.created_by, r.created_at,
                       case when r.id = t.published_revision_id then true else false end as published
                  from revision r join translation t on t.id = r.translation_id
                 where r.translation_id = ?
                 order by r.number desc""")
                .param(translationId)
                .query(RevisionEntry.class).list();
    }

    public Optional<RevisionText> revision(long translationId, int number) {
        return jdbc.sql("""
                select id as revision_id, number, title, standfirst, body, revised_at
                  from revision where translation_id = ? and number = ?""")
                .params(translationId, number)
                .query(RevisionText.class).optional();
    }

    /** The staff users who created articles, for the author filter. */
    public List<String> creators() {
        return jdbc.sql("select distinct created_by from article where created_by is not null order by created_by")
                .query(String.class).list();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
