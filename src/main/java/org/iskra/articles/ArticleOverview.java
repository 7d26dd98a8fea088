package org.iskra.articles;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's list of articles: one row per article, named by its original, with where each of its
 * translations stands. Rows are paged by article, so the count of rows is the count of articles; the translations of
 * a page are read in a second query.
 */
@Service
@Transactional(readOnly = true)
public class ArticleOverview {

    /** The newest revision of a translation aliased {@code x}. */
    private static final String NEWEST_OF_X = "xr.translation_id = x.id and xr.number = (select max(n.number) from revision n where n.translation_id = x.id)";

    public enum Sort {
        /** the article's last change in any language, newest first */
        CHANGED,
        /** the original's title, A to Z */
        TITLE
    }

    /**
     * Which articles the list shows; empty strings mean "any".
     *
     * @param language  with {@code status} or {@code outdated}: the language whose translation they are about
     * @param status    an editorial status some translation (in {@code language}, if given) has, or "missing": the
     *                  article has no translation in {@code language} (in some site language, if none is given)
     * @param createdBy only articles created by this staff user (an author sees their own)
     * @param onlyFor   a translator's languages: only articles with a published original or a text in one of these
     *                  languages, and titles searched only as the translator may read them; empty for everyone else
     */
    public record Filter(String language, String status, String createdBy, String region, String tag, boolean outdated,
                         String query,
                         Sort sort, List<String> onlyFor, int siteLanguages) {

        public Filter {
            onlyFor = List.copyOf(onlyFor);
        }
    }

    /** One text of an article: its newest title and where it stands. */
    public record Text(long translationId, String language, String title, EditorialStatus status, boolean outdated) {
    }

    /**
     * An article by its original. {@code publishedTitle} is the title readers see (null while unpublished), what a
     * translator may read of an original.
     */
    public record Row(long articleId, long originalId, String originalLanguage, String title, String publishedTitle,
                      EditorialStatus originalStatus, String createdBy, OffsetDateTime changedAt, Map<String, Text> texts) {
    }

    public record Page(List<Row> rows, int page, int pageCount, long total) {
    }

    private record RowColumns(long articleId, long originalId, String originalLanguage, String title, String publishedTitle,
                              String originalStatus, String createdBy, OffsetDateTime changedAt) {
    }

    private record TextColumns(long articleId, long translationId, String language, String title, String status,
                               boolean outdated) {
    }

    private final JdbcClient jdbc;

    ArticleOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page (1-based) of articles. */
    public Page list(Filter filter, int page, int pageSize) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        String from = """
                 from article a
                 join translation ot on ot.article_id = a.id and ot.language = a.original_language
                 join revision ro on ro.translation_id = ot.id
                  and ro.number = (select max(n.number) from revision n where n.translation_id = ot.id)
                 where 1 = 1""" + where;
        long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
        String order = filter.sort() == Sort.TITLE ? "lower(ro.title), a.id" : "changed_at desc, a.id desc";
        List<RowColumns> columns = jdbc.sql("""
                select a.id as article_id, ot.id as original_id, a.original_language, ro.title,
                       (select p.title from revision p where p.id = ot.published_revision_id and ot.status = 'published') as published_title,
                       ot.status as original_status, a.created_by,
                       (select max(x.updated_at) from translation x where x.article_id = a.id) as changed_at
                """ + from + " order by " + order + " offset :offset rows fetch next :limit rows only")
                .params(params)
                .param("offset", (long) (page - 1) * pageSize)
                .param("limit", pageSize)
                .query(RowColumns.class).list();
        Map<Long, Map<String, Text>> texts = texts(columns.stream().map(RowColumns::articleId).toList());
        List<Row> rows = columns.stream().map(c -> new Row(c.articleId(), c.originalId(), c.originalLanguage(), c.title(),
                c.publishedTitle(), EditorialStatus.of(c.originalStatus()), c.createdBy(), c.changedAt(),
                texts.getOrDefault(c.articleId(), Map.of()))).toList();
        int pageCount = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        return new Page(rows, page, pageCount, total);
    }

    private Map<Long, Map<String, Text>> texts(List<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select t.article_id, t.id as translation_id, t.language, r.title, t.status,
                       case when\s""" + OutdatedTranslations.ORIGINAL_CHANGED_AT + """
                        is not null then true else false end as outdated
                  from translation t
                  join article a on a.id = t.article_id
                  join revision r on r.translation_id = t.id
                   and r.number = (select max(n.number) from revision n where n.translation_id = t.id)
                 where t.article_id in (:ids)""")
                .param("ids", articleIds)
                .query(TextColumns.class).list().stream()
                .collect(Collectors.groupingBy(TextColumns::articleId, Collectors.toMap(TextColumns::language,
                        c -> new Text(c.translationId(), c.language(), c.title(), EditorialStatus.of(c.status()), c.outdated()))));
    }

    private static String where(Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        boolean language = present(filter.language());
        if (language) {
            params.put("language", filter.language());
        }
        String inLanguage = language ? " and t.language = :language" : "";
        if ("missing".equals(filter.status())) {
            where.append(language
                    ? " and not exists (select 1 from translation t where t.article_id = a.id and t.language = :language)"
                    : " and (select count(*) from translation t where t.article_id = a.id) < :siteLanguages");
            params.put("siteLanguages", filter.siteLanguages());
        } else if (present(filter.status())) {
            where.append(" and exists (select 1 from translation t where t.article_id = a.id and t.status = :status")
                    .append(inLanguage).append(")");
            params.put("status", filter.status());
        }
        if (filter.outdated()) {
            where.append(" and exists (select 1 from translation t where t.article_id = a.id").append(inLanguage)
                    .append(" and ").append(OutdatedTranslations.ORIGINAL_CHANGED_AT).append(" is not null)");
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
        boolean translator = !filter.onlyFor().isEmpty();
        if (translator) {
            where.append(" and (ot.status = 'published' or exists (select 1 from translation x where x.article_id = a.id and x.language in (:mine)))");
            params.put("mine", filter.onlyFor());
        }
        if (present(filter.query())) {
            // a translator searches the titles readers see and those of their own languages' texts, never an
            // original's unpublished words
            where.append(" and exists (select 1 from translation x join revision xr on ")
                    .append(translator ? "(xr.id = x.published_revision_id and x.status = 'published' or x.language in (:mine) and " + NEWEST_OF_X + ")"
                            : NEWEST_OF_X)
                    .append(" where x.article_id = a.id and lower(xr.title) like :query escape '\\')");
            params.put("query", "%" + filter.query().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
