package org.iskra.articles;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.PageReads;
import org.iskra.site.ReadCountSink;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read counts of articles, per language and day, in {@code article_read}. Every node adds to the same rows, so the
 * counts are the whole installation's.
 */
@Repository
class ArticleReads implements ReadCountSink {

    private static final String PREFIX = "article:";

    private final JdbcClient jdbc;

    ArticleReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the response to this request as a read of the article in this language. */
    static void markRead(HttpServletRequest request, long articleId, String language) {
        PageReads.markRead(request, PREFIX + articleId + ":" + language);
    }

    @Override
    public void add(LocalDate day, Map<String, Long> reads) {
        reads.forEach((subject, count) -> parse(subject).ifPresent(read -> add(read.articleId(), read.language(), day, count)));
    }

    /** Reads of each article since {@code day} (inclusive), all languages together. */
    Map<Long, Long> readsSince(LocalDate day) {
        Map<Long, Long> reads = new HashMap<>();
        jdbc.sql("select article_id, sum(reads) from article_read where read_on >= ? group by article_id")
                .param(day)
                .query(rs -> {
                    reads.put(rs.getLong(1), rs.getLong(2));
                });
        return reads;
    }

    private void add(long articleId, String language, LocalDate day, long count) {
        // update first, insert if the row is new; a node that loses the race to insert adds to the winner's row
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql("update article_read set reads = reads + ? where article_id = ? and language = ? and read_on = ?")
                    .params(count, articleId, language, day)
                    .update();
            if (updated == 1) {
                return;
            }
            try {
                jdbc.sql("insert into article_read (article_id, language, read_on, reads) select ?, ?, ?, ? from article where id = ?")
                        .params(articleId, language, day, count, articleId)
                        .update();
                return;
            } catch (DuplicateKeyException raced) {
                // another node inserted the row meanwhile: add to it
            }
        }
    }

    private record Read(long articleId, String language) {
    }

    private static Optional<Read> parse(String subject) {
        if (!subject.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = subject.substring(PREFIX.length()).split(":", 2);
        try {
            return parts.length == 2 ? Optional.of(new Read(Long.parseLong(parts[0]), parts[1])) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
