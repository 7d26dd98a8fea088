package org.iskra.articles;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code article_change} table: written in the transaction that changes an article, read by every node. */
@Repository
class ArticleChangeLog {

    record Entry(long id, ArticleChanged change) {
    }

    private final JdbcClient jdbc;

    ArticleChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(ArticleChanged change) {
        jdbc.sql("insert into article_change (article_id, languages) values (?, ?)")
                .params(change.articleId(), String.join(",", change.languages()))
                .update();
    }

    long latestId() {
        return jdbc.sql("select coalesce(max(id), 0) from article_change").query(Long.class).single();
    }

    List<Entry> after(long id, int limit) {
        return jdbc.sql("select id, article_id, languages from article_change where id > ? order by id fetch first ? rows only")
                .params(id, limit)
                .query((rs, row) -> new Entry(rs.getLong("id"), new ArticleChanged(rs.getLong("article_id"), languages(rs.getString("languages")))))
                .list();
    }

    int deleteOlderThan(OffsetDateTime cutoff) {
        return jdbc.sql("delete from article_change where changed_at < ?").param(cutoff).update();
    }

    private static Set<String> languages(String joined) {
        return joined.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
    }
}
