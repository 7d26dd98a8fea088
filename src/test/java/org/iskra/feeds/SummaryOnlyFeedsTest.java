package org.iskra.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.site.IskraProperties;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.StrictLimitsIskraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With {@code ISKRA_FEEDS_FULL_CONTENT=false} feed readers get the standfirst and come to the site for the rest. */
@StrictLimitsIskraTest
class SummaryOnlyFeedsTest {

    @Autowired
    ArticleWriter writer;

    @Autowired
    IskraProperties properties;

    @LocalServerPort
    int port;

    @Test
    void entriesCarryTheStandfirstButNotTheText() throws Exception {
        ArticleMother article = ArticleMother.article().standfirst("Only this much.").body("## Section\n\nThe whole text.");
        writer.save(article.input());
        Http http = new Http(port);
        String url = properties.baseUrl() + "/en/articles/" + article.slug();

        for (String format : List.of("atom", "rss")) {
            String xml = http.get("/en/feed." + format).body();
            SyndEntry entry = FeedsTest.entryLinkingTo(FeedsTest.parse(xml), url).orElseThrow();
            assertThat(entry.getDescription().getValue()).as(format).isEqualTo("Only this much.");
            assertThat(entry.getContents()).as(format).isEmpty();
            assertThat(xml).as(format).doesNotContain("The whole text.");
        }
    }
}
