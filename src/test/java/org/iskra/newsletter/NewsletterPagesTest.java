package org.iskra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.PublishedArticle;
import org.iskra.privacy.KeyedHash;
import org.iskra.site.Language;
import org.iskra.site.PageFrames;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.MailServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The newsletter's page types pass the W3C Nu checker (left-to-right and right-to-left), and so does the HTML of a
 * copy; the block under a (cached) article is a form to this page that a stale token sends back to the full form.
 */
@IskraIntegrationTest
class NewsletterPagesTest {

    @RegisterExtension
    static final MailServer mailServer = new MailServer();

    @LocalServerPort
    int port;

    @Autowired
    NewsletterFormTokens tokens;

    @Autowired
    KeyedHash hash;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ArticleCatalog catalog;

    @Autowired
    SignupBlock block;

    @Autowired
    PageFrames frames;

    @Autowired
    CopyWriter copies;

    @Test
    void everyNewsletterPageTypeIsValidHtml() throws Exception {
        Http http = new Http(port);
        NewsletterClient client = new NewsletterClient(port, tokens);
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/en/newsletter", "/ar/newsletter", "/ru/newsletter?from=/ru/", "/fa/newsletter/thanks")) {
            check(failures, path, http.get(path), 200);
        }
        check(failures, "form with errors", client.subscribe("ar", "not an address", List.of()), 400);

        String email = NewsletterClient.uniqueEmail("valid");
        assertThat(client.subscribe("ar", email, List.of("ar", "en")).statusCode()).isEqualTo(303);
        Matcher link = NewsletterTest.CONFIRM_LINK.matcher(NewsletterTest.text(NewsletterTest.awaitMail(mailServer, email, null)));
        assertThat(link.find()).isTrue();
        check(failures, "confirm page", http.get(link.group(1)), 200);
        check(failures, "confirmed", client.postRaw(link.group(1), "application/x-www-form-urlencoded", ""), 200);
        String linkId = jdbc.sql("select link_id from newsletter_subscriber where email_hash = ?")
                .param(hash.of(Subscriptions.EMAIL_HASH, email)).query(String.class).single();
        String token = new SubscriberLinks(hash).token(linkId, SubscriberLinks.MANAGE);
        check(failures, "manage", http.get("/ar/newsletter/manage/" + token), 200);
        check(failures, "unsubscribe", http.get("/ar/newsletter/unsubscribe/" + token), 200);
        check(failures, "unsubscribed", client.postRaw("/ar/newsletter/unsubscribe/" + token,
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click"), 200);

        PublishedArticle article = catalog.published(catalog.publishedArticleIds().get(0)).get(0);
        SendStore.Send send = new SendStore.Send(1, "digest", "ar", "مقال جديد", null, 1, null, null, null, null, null, null);
        var copy = copies.copy(send, List.of(new SendStore.SentArticle(0, article.translationId(), article.title(),
                article.standfirst(), article.path(), "/media/example.jpg", null)), email, linkId);
        HtmlChecker.errors(copy.html()).forEach(error -> failures.add("mail " + error));

        assertThat(failures).isEmpty();
    }

    @Test
    void theBlockUnderAnArticleSubscribesAndAnOldTokenLeadsToTheFullFormWithWhatWasTyped() throws Exception {
        Http http = new Http(port);
        String path = catalog.published(catalog.publishedArticleIds().get(0)).get(0).path();
        Document page = Jsoup.parse(http.get(path).body());
        Element form = page.selectFirst("section.newsletter-signup form.newsletter-block");
        assertThat(form).isNotNull();
        String lang = path.substring(1, 3);
        assertThat(form.attr("action")).isEqualTo("/" + lang + "/newsletter");
        assertThat(form.selectFirst("input[name=language][value=" + lang + "]").hasAttr("checked")).isTrue();
        assertThat(form.select("details input[name=language]")).hasSizeGreaterThan(5);
        assertThat(form.selectFirst("input[name=from]").attr("value")).isEqualTo(path);
        assertThat(page.selectFirst("section.join-us")).as("beside the join block").isNotNull();

        assertThat(form.select("input[name=token]")).as("no token in a cached page: it would change every rendering").isEmpty();
        assertThat(page.select("script[src]")).as("the article page carries no script").isEmpty();
        NewsletterClient client = new NewsletterClient(port, tokens);
        String email = NewsletterClient.uniqueEmail("block");
        HttpResponse<String> fromBlock = client.post(form.attr("action"), NewsletterClient.form(email, List.of(lang),
                "from", path, "homepage", ""));
        assertThat(fromBlock.statusCode()).as("the full form, filled in, to confirm").isEqualTo(200);
        Document confirm = Jsoup.parse(fromBlock.body());
        assertThat(confirm.selectFirst("#newsletter-email").attr("value")).isEqualTo(email);
        assertThat(confirm.selectFirst("input[name=language][value=" + lang + "]").hasAttr("checked")).isTrue();
        assertThat(confirm.selectFirst("input[name=from]").attr("value")).isEqualTo(path);
        String fresh = confirm.selectFirst("input[name=token]").attr("value");
        assertThat(fresh).isNotBlank();
        assertThat(jdbc.sql("select count(*) from newsletter_subscriber where email_hash = ?")
                .param(hash.of(Subscriptions.EMAIL_HASH, email)).query(Long.class).single()).as("nothing stored yet").isZero();

        String old = tokens.issue(Instant.now().minusSeconds(3 * 24 * 3600));
        HttpResponse<String> stale = client.post(form.attr("action"), NewsletterClient.form(email, List.of(lang),
                "token", old, "from", path, "homepage", ""));
        assertThat(stale.statusCode()).isEqualTo(400);
        Document again = Jsoup.parse(stale.body());
        assertThat(again.selectFirst("#newsletter-email").attr("value")).isEqualTo(email);
        assertThat(again.selectFirst("input[name=token]").attr("value")).isNotEqualTo(old);

        HttpResponse<String> sent = client.post(form.attr("action"), NewsletterClient.form(email, List.of(lang),
                "token", client.token(), "from", path, "homepage", ""));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("select source_path from newsletter_subscriber where email_hash = ?")
                .param(hash.of(Subscriptions.EMAIL_HASH, email)).query(String.class).single()).isEqualTo(path);

        Language language = new Language(lang);
        String staticCopy = block.html(catalog.published(lang, path.substring(path.lastIndexOf('/') + 1)).orElseThrow(),
                frames.messages(language), true);
        assertThat(Jsoup.parse(staticCopy).select("form")).as("no form without a server").isEmpty();
        assertThat(Jsoup.parse(staticCopy).selectFirst("a").attr("href")).isEqualTo(frames.absolute("/" + lang + "/newsletter"));
    }

    private static void check(List<String> failures, String what, HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        HtmlChecker.errors(response.body()).forEach(error -> failures.add(what + " " + error));
    }
}
