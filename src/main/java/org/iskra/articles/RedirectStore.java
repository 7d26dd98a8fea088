package org.iskra.articles;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code article_redirect} table, and where a redirect's article can be read now. */
@Repository
class RedirectStore {

    record Target(long articleId, String language) {
    }

    record PublishedSlug(String language, String slug) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    RedirectStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    Optional<Target> find(String path) {
        return jdbc.sql("select article_id, language from article_redirect where path = ?").param(path)
                .query((rs, n) -> new Target(rs.getLong(1), rs.getString(2))).optional();
    }

    /** The targets of those of {@code paths} that are kept, by path. */
    Map<String, Target> findAll(Collection<String> paths) {
        Map<String, Target> found = new HashMap<>();
        if (paths.isEmpty()) {
            return found;
        }
        jdbc.sql("select path, article_id, language from article_redirect where path in (:paths)").param("paths", paths)
                .query(rs -> {
                    found.put(rs.getString(1), new Target(rs.getLong(2), rs.getString(3)));
                });
        return found;
    }

    /** Inserts the paths in one batch of statements. */
    void insertAll(List<String> paths, long articleId, String language) {
        if (paths.size() == 1) {
            insert(paths.get(0), articleId, language);
        } else if (!paths.isEmpty()) {
            jdbcTemplate.batchUpdate("insert into article_redirect (path, article_id, language) values (?, ?, ?)",
                    paths, paths.size(), (statement, path) -> {
                        statement.setString(1, path);
                        statement.setLong(2, articleId);
                        statement.setString(3, language);
                    });
        }
    }

    void insert(String path, long articleId, String language) {
        jdbc.sql("insert into article_redirect (path, article_id, language) values (?, ?, ?)")
                .params(path, articleId, language).update();
    }

    void update(String path, long articleId, String language) {
        jdbc.sql("update article_redirect set article_id = ?, language = ? where path = ?")
                .params(articleId, language, path).update();
    }

    /**
     * The published translations of an article, the one in {@code language} first, then the original, then the
     * rest by language: a redirect leads to the language it was made for while that is published.
     */
    Optional<PublishedSlug> bestPublished(long articleId, String language) {
        return jdbc.sql("""
                        select t.language, t.slug from translation t join article a on a.id = t.article_id
                        where t.article_id = ? and t.status = 'published'
                        order by case when t.language = ? then 0 when t.language = a.original_language then 1 else 2 end,
                                 t.language
                        """)
                .params(articleId, language)
                .query((rs, n) -> new PublishedSlug(rs.getString(1), rs.getString(2))).list().stream().findFirst();
    }
}
