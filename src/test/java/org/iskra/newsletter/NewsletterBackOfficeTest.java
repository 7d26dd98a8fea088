package org.iskra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import jakarta.mail.internet.MimeMessage;
import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.privacy.KeyedHash;
import org.iskra.testsupport.EmptyIskraTest;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.MailServer;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newsletter in the back office and the privacy tools: staff see counts and never addresses, an editor sends one
 * translation now after seeing how many will get it, administrators export and erase a subscriber and answer a mail
 * to the unsubscribe address; unconfirmed subscriptions are erased when their link expires. Every read is audited.
 */
@EmptyIskraTest
class NewsletterBackOfficeTest {

    private static final String PASSWORD = "newsletter passphrase for tests";

    @RegisterExtension
    static final MailServer mailServer = new MailServer();

    @LocalServerPort
    int port;

    @Autowired
    NewsletterFormTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeyedHash hash;

    @Autowired
    ArticleWriter writer;

    @Autowired
    StaffAccounts staff;

    @Autowired
    UnconfirmedRetention retention;

    private NewsletterClient client;

    @BeforeEach
    void setUp() {
        client = new NewsletterClient(port, tokens);
    }

    @Test
    void anEditorSeesCountsWithoutAddressesAndSendsOneTranslationNowToTheNumberShown() throws Exception {
        String reader = subscribed("fa", List.of("fa"));
        String editor = staffMember(Role.EDITOR);
        StaffBrowser browser = logIn(editor);
        long translation = new Publishing(writer).publish(ArticleMother.article().writtenIn("fa").inLanguage("fa")
                .title("اعتصاب کارگران بندر").standfirst("سومین روز اعتصاب."));

        HttpResponse<String> overview = browser.get("/admin/newsletter");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Subscribers per language", "Persian").doesNotContain(reader)
                .doesNotContain("@example.org");
        var growth = Jsoup.parse(overview.body()).getElementById("growth");
        assertThat(growth.selectFirst("svg[role=img]").attr("aria-labelledby")).isEqualTo("growth-heading");
        assertThat(growth.select("h3#growth-heading").text()).isNotBlank();
        assertThat(growth.select("svg polyline").attr("points").split(" ")).hasSize(NewsletterStats.WEEKS + 1);
        assertThat(growth.select("tbody tr")).hasSize(NewsletterStats.WEEKS + 1);
        long confirmedNow = jdbc.sql("select count(*) from newsletter_subscriber where status = 'confirmed'")
                .query(Long.class).single();
        assertThat(growth.select("tbody tr").last().selectFirst("td.number").text().replaceAll("[^0-9]", ""))
                .as("this week's row: every confirmed subscriber").isEqualTo(Long.toString(confirmedNow));
        assertThat(HtmlChecker.errors(overview.body())).isEmpty();
        assertThat(audits(editor, "newsletter.counts")).isEqualTo(1);

        HttpResponse<String> ask = browser.get("/admin/newsletter/send/" + translation);
        assertThat(ask.statusCode()).isEqualTo(200);
        long audience = jdbc.sql("""
                select count(*) from newsletter_subscriber s join newsletter_subscriber_language l on l.subscriber_id = s.id
                 where s.status = 'confirmed' and l.language = 'fa'""").query(Long.class).single();
        assertThat(ask.body()).contains(audience == 1 ? "Send to 1 subscriber" : "Send to " + audience + " subscribers");
        assertThat(HtmlChecker.errors(ask.body())).isEmpty();
        String csrf = browser.csrf("/admin/newsletter/send/" + translation);

        HttpResponse<String> sent = browser.post("/admin/newsletter/send/" + translation, "_csrf=" + StaffBrowser.encode(csrf));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).contains("/admin/newsletter?sent=");
        MimeMessage mail = NewsletterTest.awaitMail(mailServer, reader, "اعتصاب کارگران بندر");
        assertThat(NewsletterTest.text(mail)).contains("سومین روز اعتصاب.");
        assertThat(audits(editor, "newsletter.send")).isEqualTo(1);
        assertThat(browser.post("/admin/newsletter/send/" + translation, "_csrf=" + StaffBrowser.encode(csrf)).statusCode())
                .as("not twice").isEqualTo(409);
        assertThat(jdbc.sql("select send_id from newsletter_article where translation_id = ?").param(translation)
                .query(Long.class).single()).as("not in the next digest either").isNotNull();
        HttpResponse<String> after = browser.get("/admin/newsletter?sent=1");
        assertThat(after.body()).contains("One article", "اعتصاب کارگران بندر");
        assertThat(HtmlChecker.errors(after.body())).isEmpty();

        StaffBrowser author = logIn(staffMember(Role.AUTHOR));
        assertThat(author.get("/admin/newsletter").statusCode()).isEqualTo(403);
    }

    @Test
    void anAdministratorExportsAndErasesASubscriberAndAnswersAMailToTheUnsubscribeAddress() throws Exception {
        String email = subscribed("es", List.of("es", "pt"));
        String linkId = linkIdOf(email);
        String admin = staffMember(Role.ADMINISTRATOR);
        StaffBrowser browser = logIn(admin);
        String csrf = browser.csrf("/admin/privacy/subjects");
        String form = "_csrf=" + StaffBrowser.encode(csrf) + "&email=" + StaffBrowser.encode(email.toUpperCase());

        HttpResponse<String> found = browser.post("/admin/privacy/subjects", form);
        assertThat(found.body()).contains("Newsletter subscription");
        HttpResponse<String> json = browser.post("/admin/privacy/subjects/export", form + "&format=json");
        var records = JsonMapper.builder().build().readTree(json.body()).get("records");
        assertThat(json.body()).contains("\"kind\" : \"newsletter_subscription\"", email, "es, pt", "confirmed");
        assertThat(records).isNotEmpty();
        HttpResponse<String> readable = browser.post("/admin/privacy/subjects/export", form + "&format=html");
        assertThat(readable.body()).contains("Suscripción al boletín");
        assertThat(HtmlChecker.errors(readable.body())).isEmpty();

        HttpResponse<String> erased = browser.post("/admin/privacy/subjects/erase", form + "&confirm=yes");
        assertThat(erased.statusCode()).isEqualTo(303);
        Map<String, Object> row = jdbc.sql("select * from newsletter_subscriber where link_id = ?")
                .param(linkId).query().singleRow();
        assertThat(row.get("status")).isEqualTo("erased");
        assertThat(row.get("email")).isNull();
        assertThat(row.get("email_hash")).isNull();
        assertThat(jdbc.sql("select count(*) from outbox_message where kind like 'newsletter.%' and recipient_hash = ?")
                .param(hash.of("outbox.recipient", email)).query(Long.class).single()).as("its mail erased too").isZero();
        assertThat(audits(admin, "newsletter.erase")).isEqualTo(1);
        assertThat(browser.post("/admin/privacy/subjects/export", form + "&format=json").body()).doesNotContain(email);

        String other = subscribed("en", List.of("en"));
        String unsubscribe = "_csrf=" + StaffBrowser.encode(browser.csrf("/admin/newsletter/unsubscribe"));
        HttpResponse<String> byAddress = browser.post("/admin/newsletter/unsubscribe",
                unsubscribe + "&request=" + StaffBrowser.encode(" " + other.toUpperCase() + " "));
        assertThat(byAddress.statusCode()).isEqualTo(200);
        assertThat(byAddress.body()).contains("Unsubscribed: the address has been deleted.");
        assertThat(HtmlChecker.errors(byAddress.body())).isEmpty();
        assertThat(browser.post("/admin/newsletter/unsubscribe", unsubscribe + "&request=" + StaffBrowser.encode(other))
                .body()).contains("No subscription matches");
        assertThat(audits(admin, "newsletter.unsubscribe")).isEqualTo(2);

        String third = subscribed("en", List.of("en"));
        String thirdLink = linkIdOf(third);
        String code = new SubscriberLinks(hash).token(thirdLink, SubscriberLinks.MANAGE);
        assertThat(browser.post("/admin/newsletter/unsubscribe", unsubscribe + "&request="
                + StaffBrowser.encode("Re: unsubscribe " + code)).body()).contains("Unsubscribed");
        assertThat(jdbc.sql("select status from newsletter_subscriber where link_id = ?").param(thirdLink)
                .query(String.class).single()).isEqualTo("unsubscribed");
        StaffBrowser editor = logIn(staffMember(Role.EDITOR));
        assertThat(editor.get("/admin/newsletter/unsubscribe").statusCode()).isEqualTo(403);
    }

    @Test
    void anUnconfirmedSubscriptionIsErasedWithItsMailOnceItsLinkExpired() throws Exception {
        String email = NewsletterClient.uniqueEmail("late");
        assertThat(client.subscribe("de", email, List.of("de")).statusCode()).isEqualTo(303);
        NewsletterTest.awaitMail(mailServer, email, null);
        jdbc.sql("update newsletter_subscriber set created_at = ? where email_hash = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(8), hash.of(Subscriptions.EMAIL_HASH, email)).update();

        assertThat(retention.run()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select count(*) from newsletter_subscriber where email_hash = ?")
                .param(hash.of(Subscriptions.EMAIL_HASH, email)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient_hash = ?")
                .param(hash.of("outbox.recipient", email)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'newsletter.retention'").query(Long.class).single())
                .isGreaterThanOrEqualTo(1);
    }

    private String linkIdOf(String email) {
        return jdbc.sql("select link_id from newsletter_subscriber where email_hash = ?")
                .param(hash.of(Subscriptions.EMAIL_HASH, email.toLowerCase())).query(String.class).single();
    }

    /** A confirmed subscriber; the address. */
    private String subscribed(String page, List<String> languages) throws Exception {
        String email = NewsletterClient.uniqueEmail("reader");
        assertThat(client.subscribe(page, email, languages).statusCode()).isEqualTo(303);
        Matcher link = NewsletterTest.CONFIRM_LINK.matcher(NewsletterTest.text(NewsletterTest.awaitMail(mailServer, email, null)));
        assertThat(link.find()).isTrue();
        assertThat(client.postRaw(link.group(1), "application/x-www-form-urlencoded", "").statusCode()).isEqualTo(200);
        return email;
    }

    private String staffMember(Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.create(email, role.name(), PASSWORD, List.of(new StaffRole(role, "")));
        return email;
    }

    private StaffBrowser logIn(String email) throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        assertThat(browser.logIn(email, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
        return browser;
    }

    private long audits(String email, String action) {
        return jdbc.sql("select count(*) from audit_event a join staff_user u on u.id = a.actor_id where u.email = ? and a.action = ?")
                .params(email, action).query(Long.class).single();
    }
}
