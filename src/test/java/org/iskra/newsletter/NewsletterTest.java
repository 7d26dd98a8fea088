package org.iskra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.EmptyIskraTest;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The newsletter over HTTP against the running application, its database and a real mail server (GreenMail):
 * subscribing with double opt-in, the digest of what was published, RFC 8058's one-click unsubscribe.
 */
@EmptyIskraTest
class NewsletterTest {

    static final Pattern CONFIRM_LINK = Pattern.compile("http://localhost:[0-9]+(/[a-z]{2}/newsletter/confirm/[A-Za-z0-9_-]{22}\\.[0-9a-f]{32})");

    @RegisterExtension
    static final MailServer mailServer = new MailServer();

    @LocalServerPort
    int port;

    @Autowired
    NewsletterFormTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    ArticleWriter writer;

    @Autowired
    DigestSchedule schedule;

    @Autowired
    SendStore sends;

    @Autowired
    org.iskra.site.IskraProperties site;

    private NewsletterClient client;
    private Publishing publishing;

    @BeforeEach
    void setUp() {
        client = new NewsletterClient(port, tokens);
        publishing = new Publishing(writer);
    }

    @Test
    void aReaderSubscribesConfirmsGetsTheDigestInTheirLanguageAndLeavesInOneClick() throws Exception {
        String email = NewsletterClient.uniqueEmail("olga");
        HttpResponse<String> subscribed = client.subscribe("ru", email, List.of("ru"));

        assertThat(subscribed.statusCode()).isEqualTo(303);
        assertThat(subscribed.headers().firstValue("Location")).hasValue("/ru/newsletter/thanks");
        Map<String, Object> row = subscriber(email);
        assertThat((String) row.get("email")).startsWith("v2.").doesNotContain(email);
        assertThat(cipher.open((String) row.get("email"), Subscriptions.EMAIL, (String) row.get("link_id"))).isEqualTo(email);
        assertThat(row.get("status")).isEqualTo("pending");
        assertThat(languagesOf(row)).containsExactly("ru");
        assertThat(new Http(port).get("/ru/newsletter/thanks").body()).contains("Проверьте почту");

        MimeMessage confirmation = awaitMail(email, "Подтвердите подписку на рассылку");
        Matcher link = CONFIRM_LINK.matcher(text(confirmation));
        assertThat(link.find()).isTrue();
        HttpResponse<String> confirmPage = new Http(port).get(link.group(1));
        assertThat(confirmPage.statusCode()).isEqualTo(200);
        assertThat(confirmPage.body()).contains("<form method=\"post\" action=\"" + link.group(1) + "\"");
        assertThat(subscriber(email).get("status")).as("opening the link changes nothing").isEqualTo("pending");
        HttpResponse<String> confirmed = client.postRaw(link.group(1), "application/x-www-form-urlencoded", "");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Подписка подтверждена");
        assertThat(subscriber(email).get("status")).isEqualTo("confirmed");

        long translation = publishing.publish(ArticleMother.article().writtenIn("ru").inLanguage("ru")
                .title("Забастовка докеров").standfirst("Порты стоят третий день."));
        digestNow("ru");

        MimeMessage digest = awaitMail(email, "1 новая статья · Искра");
        assertThat(digest.getHeader("Content-Language")).containsExactly("ru");
        assertThat(digest.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) digest.getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String plain = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        String path = jdbc.sql("select path from newsletter_send_article where translation_id = ?").param(translation)
                .query(String.class).single();
        assertThat(plain).contains("Забастовка докеров", "Порты стоят третий день.", site.baseUrl() + path)
                .contains("/ru/newsletter/manage/");
        assertThat(html).contains("lang=\"ru\"", "Забастовка докеров", "href=\"" + site.baseUrl() + path + "\"");
        String listUnsubscribe = digest.getHeader("List-Unsubscribe")[0].replaceAll("\\r?\\n\\s*", " ");
        Matcher oneClick = Pattern.compile("<(http://localhost:[0-9]+/ru/newsletter/unsubscribe/[A-Za-z0-9_.-]+)>, <mailto:leave@iskra\\.example\\?subject=unsubscribe%20[A-Za-z0-9_.-]+>")
                .matcher(listUnsubscribe);
        assertThat(oneClick.find()).as(listUnsubscribe).isTrue();
        assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(digest.getHeader("List-Id")[0]).isEqualTo("<newsletter-ru.localhost>");

        // RFC 8058: the reader's mail provider POSTs this body to the link, with no session, cookie or CSRF token
        HttpResponse<String> gone = client.postRaw(oneClick.group(1), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click");
        assertThat(gone.statusCode()).isEqualTo(200);
        Map<String, Object> ended = jdbc.sql("select * from newsletter_subscriber where id = ?").param(row.get("id"))
                .query().singleRow();
        assertThat(ended.get("status")).isEqualTo("unsubscribed");
        assertThat(ended.get("email")).isNull();
        assertThat(ended.get("email_hash")).isNull();
        assertThat(client.postRaw(oneClick.group(1), "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
                .statusCode()).as("a second click").isEqualTo(200);

        int before = mailServer.getReceivedMessages().length;
        publishing.publish(ArticleMother.article().writtenIn("ru").inLanguage("ru").title("Вторая статья"));
        long second = digestNow("ru");
        awaitSendFinished(second);
        assertThat(Arrays.stream(mailServer.getReceivedMessages()).skip(before).filter(m -> to(m).equals(email)))
                .as("nothing after leaving").isEmpty();
    }

    @Test
    void subscribingTwiceChangesNothingAndTheAnswerIsTheSameWhateverTheAddress() throws Exception {
        String email = NewsletterClient.uniqueEmail("twice");
        HttpResponse<String> first = client.subscribe("en", email, List.of("en", "fr"));
        HttpResponse<String> again = client.subscribe("en", email, List.of("de"));

        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(303);
        assertThat(again.headers().map()).containsEntry("Location", first.headers().map().get("Location"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("select count(*) from newsletter_subscriber where email_hash = ?")
                .param(subscriber(email).get("email_hash")).query(Long.class).single()).isEqualTo(1);
        assertThat(languagesOf(subscriber(email))).containsExactly("en", "fr");
        Await.until("both confirmations", () -> mailsTo(email).size() == 2);
        List<String> links = new ArrayList<>();
        for (MimeMessage m : mailsTo(email)) {
            Matcher link = CONFIRM_LINK.matcher(text(m));
            assertThat(link.find()).isTrue();
            links.add(link.group(1));
        }
        assertThat(links.get(1)).as("the same link again").isEqualTo(links.get(0));
        client.postRaw(links.get(0), "application/x-www-form-urlencoded", "");

        HttpResponse<String> third = client.subscribe("en", email, List.of("ar"));

        assertThat(third.headers().map()).containsEntry("Location", first.headers().map().get("Location"));
        assertThat(languagesOf(subscriber(email))).containsExactly("en", "fr");
        assertThat(subscriber(email).get("status")).isEqualTo("confirmed");
        MimeMessage note = awaitMail(email, "You are already subscribed");
        assertThat(text(note)).contains("/en/newsletter/manage/");
    }

    @Test
    void theManageLinkChangesLanguagesAndRegionsAndANewArticleInAnotherLanguageGoesOutInThatLanguagesDigest() throws Exception {
        String email = NewsletterClient.uniqueEmail("anna");
        client.subscribe("en", email, List.of("en"));
        confirm(email);
        Map<String, Object> row = subscriber(email);
        String manage = "/en/newsletter/manage/" + links().token((String) row.get("link_id"), SubscriberLinks.MANAGE);

        HttpResponse<String> page = new Http(port).get(manage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"en\" checked");
        assertThat(client.post(manage, NewsletterClient.form(email, List.of("en", "ru"))).statusCode()).isEqualTo(200);
        assertThat(languagesOf(row)).containsExactly("en", "ru");
        assertThat(client.post(manage, NewsletterClient.form(email, List.of())).statusCode()).isEqualTo(400);
        assertThat(languagesOf(row)).containsExactly("en", "ru");

        ArticleMother original = ArticleMother.article().writtenIn("en").title("Dockers strike");
        publishing.publish(original);
        long english = digestNow("en");
        awaitMail(email, "1 new article · Iskra");
        assertThat(titlesOf(english)).containsExactly("Dockers strike");

        publishing.publish(original.translatedInto("ru").title("Докеры бастуют"));
        assertThat(sends.waiting("en")).as("the original is not sent again").isEmpty();
        long russian = digestNow("ru");
        assertThat(titlesOf(russian)).containsExactly("Докеры бастуют");
        awaitMail(email, "1 новая статья · Искра");
    }

    @Test
    void importedArticlesAreNeverSent() throws Exception {
        long imported = publishing.importPublished(ArticleMother.article().writtenIn("uk").inLanguage("uk"));

        assertThat(jdbc.sql("select count(*) from newsletter_article where translation_id = ?").param(imported)
                .query(Long.class).single()).isZero();
        assertThat(sends.waiting("uk")).isEmpty();
    }

    @Test
    void spamDefencesOfTheJoinFormGuardTheSubscriptionForm() {
        String email = NewsletterClient.uniqueEmail("bot");
        assertThat(client.subscribe("en", email, List.of("en"), "homepage", "http://spam.example").statusCode())
                .as("honeypot: looks accepted").isEqualTo(303);
        assertThat(client.subscribe("en", email, List.of("en"), "token", tokens.issue()).statusCode())
                .as("too fast").isEqualTo(400);
        assertThat(client.subscribe("en", email, List.of("en"), "token", "1.AAAAAAAAAAAAAAAAAAAAAA." + "0".repeat(64))
                .statusCode()).as("forged").isEqualTo(400);
        HttpResponse<String> throwaway = client.subscribe("en", "someone@mailinator.com", List.of("en"));
        assertThat(throwaway.statusCode()).isEqualTo(400);
        assertThat(throwaway.body()).contains("throwaway addresses are not accepted");
        HttpResponse<String> noLanguage = client.subscribe("en", email, List.of());
        assertThat(noLanguage.statusCode()).isEqualTo(400);
        assertThat(noLanguage.body()).contains("Please tick at least one language.").contains("value=\"" + email + "\"");
        assertThat(client.subscribe("en", email, List.of("en"), "region", "atlantis").statusCode()).isEqualTo(400);
        assertThat(client.post("/en/newsletter", NewsletterClient.form(email, List.of("en"), "token", client.token()),
                "Origin", "https://evil.example").statusCode()).as("cross-origin").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from newsletter_subscriber where email_hash is not null and created_at > ?")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)).query(Long.class).single())
                .as("only the forms of other tests").isLessThan(10);
        assertThat(mailsTo(email)).isEmpty();
    }

    @Test
    void aLinkWithAForgedSignatureFindsNothing() {
        Http http = new Http(port);
        assertThat(http.get("/en/newsletter/confirm/AAAAAAAAAAAAAAAAAAAAAA." + "0".repeat(32)).statusCode()).isEqualTo(404);
        assertThat(http.get("/en/newsletter/manage/AAAAAAAAAAAAAAAAAAAAAA." + "0".repeat(32)).statusCode()).isEqualTo(404);
        assertThat(client.postRaw("/en/newsletter/unsubscribe/AAAAAAAAAAAAAAAAAAAAAA." + "0".repeat(32),
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
        assertThat(http.get("/en/newsletter/unsubscribe/nonsense").statusCode()).isEqualTo(404);
    }

    private SubscriberLinks links() {
        return new SubscriberLinks(hash);
    }

    @Autowired
    org.iskra.privacy.KeyedHash hash;

    void confirm(String email) throws Exception {
        Matcher link = CONFIRM_LINK.matcher(text(awaitMail(email, null)));
        assertThat(link.find()).isTrue();
        assertThat(client.postRaw(link.group(1), "application/x-www-form-urlencoded", "").statusCode()).isEqualTo(200);
    }

    /** Makes the language's digest due and runs the schedule's round; the id of the mailing it queued. */
    long digestNow(String language) {
        sends.digestDue(language, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));
        schedule.run();
        return jdbc.sql("select max(id) from newsletter_send where language = ? and kind = 'digest'").param(language)
                .query(Long.class).single();
    }

    void awaitSendFinished(long sendId) {
        Await.until("mailing " + sendId + " finished", () -> {
            schedule.run();
            return sends.find(sendId).orElseThrow().finishedAt() != null;
        });
    }

    List<String> titlesOf(long sendId) {
        return sends.articlesOf(sendId).stream().map(SendStore.SentArticle::title).toList();
    }

    Map<String, Object> subscriber(String email) {
        return jdbc.sql("select * from newsletter_subscriber where email_hash = ?")
                .param(hash.of(Subscriptions.EMAIL_HASH, email.toLowerCase())).query().singleRow();
    }

    List<String> languagesOf(Map<String, Object> row) {
        return jdbc.sql("select language from newsletter_subscriber_language where subscriber_id = ? order by language")
                .param(row.get("id")).query(String.class).list();
    }

    static List<MimeMessage> mailsTo(String email) {
        return mailsTo(mailServer, email);
    }

    static List<MimeMessage> mailsTo(MailServer server, String email) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> to(m).equals(email)).toList();
    }

    static MimeMessage awaitMail(String email, String subject) {
        return awaitMail(mailServer, email, subject);
    }

    static MimeMessage awaitMail(MailServer server, String email, String subject) {
        Await.until("mail to " + email + (subject == null ? "" : ": " + subject), () -> mailsTo(server, email).stream()
                .anyMatch(m -> subject == null || subject.equals(subjectOf(m))));
        return mailsTo(server, email).stream().filter(m -> subject == null || subject.equals(subjectOf(m))).reduce((a, b) -> b)
                .orElseThrow();
    }

    static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof Multipart parts) {
            return (String) parts.getBodyPart(0).getContent();
        }
        return ((String) content).replace("\r\n", "\n");
    }
}
