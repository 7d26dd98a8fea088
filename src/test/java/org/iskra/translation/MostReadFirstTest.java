package org.iskra.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;

import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.site.Language;
import org.iskra.site.PageReads;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Readers' reads, counted as pages are served, put the most-read originals first in the translators' work. */
@IskraIntegrationTest
class MostReadFirstTest {

    private static final String READER = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

    @Autowired
    ArticleWriter writer;

    @Autowired
    CoverageReport report;

    @Autowired
    PageReads reads;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void anOlderArticleThatReadersReadComesBeforeANewerOneNobodyRead() throws Exception {
        ArticleMother older = ArticleMother.article().inLanguage("ru").writtenIn("ru")
                .publishedAt(OffsetDateTime.parse("2026-02-01T00:00:00Z"));
        ArticleMother newer = ArticleMother.article().inLanguage("ru").writtenIn("ru");
        writer.save(older.input());
        writer.save(newer.input());
        reads.flush();

        assertThat(armenianWork(older, newer)).as("before anyone reads: newest first").containsExactly(newer.slug(), older.slug());

        String olderPage = "/ru/articles/" + older.slug();
        for (int i = 0; i < 3; i++) {  // the first renders the page, the others are served from the page cache
            assertThat(send(olderPage, "GET", READER).statusCode()).isEqualTo(200);
        }
        assertThat(send(olderPage, "HEAD", READER).statusCode()).isEqualTo(200);
        assertThat(send(olderPage, "GET", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").statusCode()).isEqualTo(200);
        assertThat(send(olderPage, "GET", "curl/8.5.0").statusCode()).isEqualTo(200);
        assertThat(send("/ru/articles/" + newer.slug() + "-no-such-page", "GET", READER).statusCode()).isEqualTo(404);
        reads.flush();

        assertThat(readsOf(older)).as("three reads by a person; HEAD, a robot and a script do not count").isEqualTo(3);
        assertThat(readsOf(newer)).isZero();
        assertThat(armenianWork(older, newer)).as("most read first").containsExactly(older.slug(), newer.slug());

        send(olderPage, "GET", READER);
        reads.flush();
        assertThat(readsOf(older)).as("a later flush adds to the day's count").isEqualTo(4);
    }

    private List<String> armenianWork(ArticleMother... articles) {
        List<String> slugs = List.of(articles).stream().map(ArticleMother::slug).toList();
        return report.build(List.of("hy"), new Language("en")).tasks().stream()
                .map(task -> task.originalPath().substring("/ru/articles/".length()))
                .filter(slugs::contains)
                .toList();
    }

    private long readsOf(ArticleMother article) {
        return jdbc.sql("""
                        select coalesce(sum(r.reads), 0) from article_read r
                          join translation t on t.article_id = r.article_id and t.language = r.language
                         where t.slug = ? and t.language = 'ru'""")
                .param(article.slug())
                .query(Long.class).single();
    }

    private HttpResponse<Void> send(String path, String method, String userAgent) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("User-Agent", userAgent)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
}
