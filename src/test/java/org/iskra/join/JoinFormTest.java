package org.iskra.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.organizing.Section;
import org.iskra.organizing.Sections;
import org.iskra.privacy.KeyedHash;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.EmptyIskraTest;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.MailServer;
import org.iskra.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The join form over HTTP against the running application, its database and a real mail server (GreenMail). */
@EmptyIskraTest
class JoinFormTest {

    private static final String ORGANIZER = "organizer.am@example.org";
    @RegisterExtension
    static final MailServer mailServer = new MailServer();

    @LocalServerPort
    int port;

    @Autowired
    FormTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeyedHash hash;

    @Autowired
    Sections sections;

    @Autowired
    StaffAccounts staff;

    private JoinClient client;
    private Section armenian;

    @BeforeEach
    void setUp() {
        client = new JoinClient(port, tokens);
        armenian = sections.list().stream().filter(s -> s.slug().equals("am-test")).findFirst()
                .orElseGet(() -> sections.create("am-test", "Armenian test section", "am@example.org", 48, List.of("AM", "GE")));
        if (staff.find(ORGANIZER).isEmpty()) {
            staff.create(ORGANIZER, "Organizer", "correct horse battery staple 42",
                    List.of(new StaffRole(Role.ORGANIZER, "am-test")));
        }
    }

    @Test
    void aValidSubmissionIsStoredSealedAndRoutedToTheSectionOfTheApplicantsCountry() {
        Map<String, String> form = client.applicant("AM");

        HttpResponse<String> response = client.post("ru", form);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/ru/join/thanks");
        Map<String, Object> row = row(form.get("email"));
        for (String column : List.of("name", "email", "phone", "city", "message")) {
            assertThat((String) row.get(column)).as(column).startsWith("v2.");
            for (String field : List.of("name", "email", "phone", "city", "message")) {
                assertThat((String) row.get(column)).as(column).doesNotContain(form.get(field));
            }
        }
        assertThat((String) row.get("email_hash")).matches("[0-9a-f]{64}");
        assertThat(row.get("section_id")).isEqualTo(armenian.id());
        assertThat(row.get("country_code")).isEqualTo("AM");
        assertThat(row.get("language")).isEqualTo("ru");
        assertThat(row.get("source_path")).isEqualTo("/ru/articles/test");
        assertThat(row.get("status")).isEqualTo("new");
        assertThat(row.get("consent_at")).isNotNull();
        assertThat(row.get("confirmed_at")).isNull();
        assertThat((OffsetDateTime) row.get("due_at"))
                .isBetween(OffsetDateTime.now(ZoneOffset.UTC).plusHours(47), OffsetDateTime.now(ZoneOffset.UTC).plusHours(49));
        assertThat(jdbc.sql("select kind from join_event where request_id = ?").param(row.get("id")).query(String.class).list())
                .containsExactly("received");
        if (!TestDatabase.onPostgres()) {
            String dump = jdbc.sql("script").query((rs, n) -> rs.getString(1)).list().stream().collect(Collectors.joining("\n"));
            assertThat(dump).contains("join_request");
            for (String field : List.of("name", "email", "phone", "city", "message")) {
                assertThat(dump).as(field).doesNotContain(form.get(field));
            }
        } else {
            String everything = jdbc.sql("select * from join_request").query().listOfRows().toString()
                    + jdbc.sql("select * from join_event").query().listOfRows()
                    + jdbc.sql("select * from outbox_message").query().listOfRows();
            for (String field : List.of("name", "email", "phone", "city", "message")) {
                assertThat(everything).as(field).doesNotContain(form.get(field));
            }
        }
        HttpResponse<String> thanks = new Http(port).get("/ru/join/thanks");
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("Спасибо");
    }

    @Test
    void aRequestFromACountryNoSectionCoversGoesToTheFallbackSection() {
        Map<String, String> form = client.applicant("NZ");

        assertThat(client.post("en", form).statusCode()).isEqualTo(303);

        Section fallback = sections.route("NZ");
        assertThat(fallback.fallback()).isTrue();
        assertThat(fallback.slug()).isEqualTo("international");
        assertThat(row(form.get("email")).get("section_id")).isEqualTo(fallback.id());
        assertThat((OffsetDateTime) row(form.get("email")).get("due_at"))
                .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusHours(71));
        awaitOne("secretariat@localhost", "/admin/join/" + row(form.get("email")).get("public_id"));
    }

    @Test
    void theApplicantGetsAConfirmationInTheirLanguageWhoseLinkConfirmsTheAddress() throws Exception {
        Map<String, String> form = client.applicant("GE");
        assertThat(client.post("uk", form).statusCode()).isEqualTo(303);

        MimeMessage mail = awaitOne(form.get("email"), null);
        assertThat(mail.getSubject()).isEqualTo("Підтвердьте адресу електронної пошти");
        assertThat(mail.getHeader("Content-Language")).containsExactly("uk");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body).startsWith("Вітаємо, " + form.get("name") + "!");
        Matcher link = Pattern.compile("http://localhost:[0-9]+(/uk/join/confirm\\?token=[A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).isTrue();

        HttpResponse<String> confirmed = new Http(port).get(link.group(1));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Адресу підтверджено");
        Map<String, Object> row = row(form.get("email"));
        assertThat(row.get("confirmed_at")).isNotNull();
        assertThat(jdbc.sql("select kind from join_event where request_id = ? order by id").param(row.get("id"))
                .query(String.class).list()).containsExactly("received", "confirmed");
        assertThat(new Http(port).get(link.group(1)).statusCode()).as("a second click").isEqualTo(200);
        assertThat(new Http(port).get("/uk/join/confirm?token=" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/uk/join/confirm").statusCode()).isEqualTo(404);
    }

    @Test
    void theSectionsOrganizersAreNotifiedWithoutAnyPersonalData() throws Exception {
        Map<String, String> form = client.applicant("AM");
        assertThat(client.post("en", form).statusCode()).isEqualTo(303);
        String publicId = (String) row(form.get("email")).get("public_id");

        MimeMessage notice = awaitOne(ORGANIZER, publicId);

        String text = notice.getSubject() + "\n" + notice.getContent();
        assertThat(text).contains("Armenia").contains("/admin/join/" + publicId);
        for (String field : List.of("name", "email", "phone", "city", "message")) {
            assertThat(text).as(field).doesNotContain(form.get(field));
        }
        assertThat(text).doesNotContain("Ольга").doesNotContain("Городок").doesNotContain("Хочу");
    }

    @Test
    void theSameFormSentTwiceCreatesOneRequest() {
        Map<String, String> form = client.applicant("AM");

        HttpResponse<String> first = client.post("en", form);
        HttpResponse<String> second = client.post("en", form);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location")).hasValue("/en/join/thanks");
        assertThat(count(form.get("email"))).isEqualTo(1);
    }

    @Test
    void aFormSentAgainAndAgainIsStoredOnceAndCountsOnceAgainstTheAddressLimit() throws Exception {
        String email = "again." + System.nanoTime() + "@example.org";
        Map<String, String> form = client.applicant("AM");
        form.put("email", email);
        ExecutorService clicks = Executors.newFixedThreadPool(3);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(clicks.submit(() -> client.post("en", form)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(303);
            }
        } finally {
            clicks.shutdownNow();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(client.post("en", form).statusCode()).as("retry " + i).isEqualTo(303);
        }
        assertThat(count(email)).isEqualTo(1);

        // the repeats did not count: two more forms fit in the address's limit of three, a third does not
        for (int i = 0; i < 2; i++) {
            Map<String, String> other = client.applicant("AM");
            other.put("email", email);
            assertThat(client.post("en", other).statusCode()).isEqualTo(303);
        }
        Map<String, String> fourth = client.applicant("AM");
        fourth.put("email", email);
        assertThat(client.post("en", fourth).statusCode()).isEqualTo(429);
        assertThat(count(email)).isEqualTo(3);
    }

    @Test
    void manyFormsSentAtOnceAreEachStoredWithTheirEventAndTheirConfirmation() throws Exception {
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            forms.add(client.applicant(i % 2 == 0 ? "AM" : "FR"));
        }
        ExecutorService applicants = Executors.newFixedThreadPool(10);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (Map<String, String> form : forms) {
                answers.add(applicants.submit(() -> client.post("en", form)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(303);
            }
        } finally {
            applicants.shutdownNow();
        }

        for (Map<String, String> form : forms) {
            Map<String, Object> row = row(form.get("email"));
            assertThat(row.get("section_id")).as(form.get("country"))
                    .isEqualTo(form.get("country").equals("AM") ? armenian.id() : sections.route("FR").id());
            assertThat(jdbc.sql("select count(*) from join_event where request_id = ? and kind = 'received'")
                    .param(row.get("id")).query(Long.class).single()).isEqualTo(1);
        }
        Await.until("a confirmation to each applicant", () -> forms.stream().allMatch(form ->
                messagesTo(form.get("email"), null).size() == 1));
    }

    @Test
    void invalidFieldsShowTheFormAgainWithMessagesAndWhatWasTyped() {
        Map<String, String> form = client.applicant("AM");
        form.put("email", "not-an-address");
        form.put("name", "  ");
        form.remove("consent");
        form.put("country", "XX");

        HttpResponse<String> response = client.post("fr", form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("Indiquez une adresse électronique valide")
                .contains("Indiquez votre nom")
                .contains("Choisissez votre pays dans la liste")
                .contains("Acceptez d’être contacté·e")
                .contains("value=\"not-an-address\"")
                .contains("value=\"" + form.get("city") + "\"")
                .contains(form.get("message"))
                .contains("aria-invalid=\"true\" aria-describedby=\"join-email-error\"")
                .contains("id=\"join-email-error\"");
        assertThat(HtmlChecker.errors(response.body())).isEmpty();
        assertThat(count("not-an-address")).isZero();
    }

    @Test
    void aThrowawayAddressIsRefused() {
        Map<String, String> form = client.applicant("AM");
        form.put("email", "someone@mailinator.com");

        HttpResponse<String> response = client.post("en", form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("throwaway addresses are not accepted");
        assertThat(count("someone@mailinator.com")).isZero();
    }

    @Test
    void anAddressThatIsValidMailButWouldAddRecipientsToALinkIsRefused() {
        for (String address : List.of("victim?cc=attacker@example.org", "a&b@example.org", "x%40y@example.org",
                "name#frag@example.org", "a=b@example.org", "\"quoted\"@example.org")) {
            Map<String, String> form = client.applicant("AM");
            form.put("email", address);
            HttpResponse<String> response = client.post("en", form);
            assertThat(response.statusCode()).as(address).isEqualTo(400);
            assertThat(response.body()).as(address).contains("Please enter a valid email address");
            assertThat(count(address)).as(address).isZero();
        }
        for (String address : List.of("анна.иванова@пример.рф", "o'brien+join@example.co.uk", "first-last_2@sub.example.org")) {
            Map<String, String> form = client.applicant("AM");
            form.put("email", address);
            assertThat(client.post("en", form).statusCode()).as(address).isEqualTo(303);
        }
    }

    @Test
    void aFilledHoneypotIsThankedAndNothingIsStored() {
        Map<String, String> form = client.applicant("AM");
        form.put("homepage", "http://spam.example");

        HttpResponse<String> response = client.post("en", form);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(count(form.get("email"))).isZero();
    }

    @Test
    void aFormSentTooSoonAfterItWasServedIsRefusedWithWhatWasTypedKept() {
        Map<String, String> form = client.applicant("AM");
        form.put("token", tokens.issue(Instant.now()));

        HttpResponse<String> response = client.post("en", form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("sent too quickly").contains("value=\"" + form.get("city") + "\"")
                .doesNotContain(form.get("token"));
        assertThat(count(form.get("email"))).isZero();
    }

    @Test
    void aForgedOrExpiredTokenGetsAFreshForm() {
        Map<String, String> forged = client.applicant("AM");
        String token = forged.get("token");
        // change the last character, whatever it is (a fixed replacement leaves one token in many unchanged)
        char last = token.charAt(token.length() - 1);
        forged.put("token", token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0'));
        Map<String, String> expired = client.applicant("AM");
        expired.put("token", tokens.issue(Instant.now().minus(Duration.ofHours(25))));
        Map<String, String> missing = client.applicant("AM");
        missing.remove("token");

        for (Map<String, String> form : List.of(forged, expired, missing)) {
            HttpResponse<String> response = client.post("en", form);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("This form had expired").contains("name=\"token\"");
            assertThat(count(form.get("email"))).isZero();
        }
    }

    @Test
    void oversizedFieldsAreRefusedWith413() {
        Map<String, String> form = client.applicant("AM");
        form.put("message", "x".repeat(5001));
        assertThat(client.post("en", form).statusCode()).isEqualTo(413);

        Map<String, String> name = client.applicant("AM");
        name.put("name", "n".repeat(201));
        HttpResponse<String> response = client.post("de", name);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("länger, als das Formular annimmt").contains("value=\"" + name.get("city") + "\"");

        Map<String, String> huge = client.applicant("AM");
        huge.put("message", "y".repeat(300_000));
        assertThat(client.post("en", huge).statusCode()).isEqualTo(413);
        assertThat(count(form.get("email")) + count(name.get("email")) + count(huge.get("email"))).isZero();
    }

    @Test
    void moreThanThreeFormsForOneEmailAnHourAreRefusedWith429() {
        String email = "often." + System.nanoTime() + "@example.org";
        for (int i = 0; i < 3; i++) {
            Map<String, String> form = client.applicant("AM");
            form.put("email", email);
            assertThat(client.post("en", form).statusCode()).isEqualTo(303);
        }
        Map<String, String> fourth = client.applicant("AM");
        fourth.put("email", email.toUpperCase());

        HttpResponse<String> response = client.post("es", fourth);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).contains("Se enviaron demasiados formularios");
        assertThat(count(email)).isEqualTo(3);
    }

    @Test
    void aPostFromAnotherSiteIsRefused() {
        Map<String, String> form = client.applicant("AM");

        HttpResponse<String> response = client.post("en", form, "Origin", "https://evil.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(count(form.get("email"))).isZero();
        assertThat(client.post("en", client.applicant("AM"), "Origin", "http://localhost:" + port).statusCode()).isEqualTo(303);
    }

    @Test
    void theFormIsValidHtmlInEveryLanguageAndOffersTheSuggestedCountryWithoutChoosingIt() {
        for (String lang : List.of("en", "ru", "uk", "es", "fr", "de", "ar", "fa", "hy")) {
            HttpResponse<String> response = new Http(port).get("/" + lang + "/join?from=/" + lang + "/articles/x");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(response.body()).contains("name=\"from\" value=\"/" + lang + "/articles/x\"").doesNotContain(" selected");
            assertThat(HtmlChecker.errors(response.body())).as(lang).isEmpty();
        }
        String russian = new Http(port).get("/ru/join").body();
        assertThat(russian).contains("<optgroup label=\"Предложено по языку этой страницы\">\n<option value=\"RU\">Россия</option>");
        assertThat(new Http(port).get("/en/join?from=https://evil.example/").body()).doesNotContain("evil.example");
    }

    @Test
    void theFrontPageEndsWithAJoinUsBlock() {
        HttpResponse<String> front = new Http(port).get("/en/");
        assertThat(front.body()).contains("href=\"/en/join?from=/en/\"");
        assertThat(front.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void hostileInputNeverCausesA5xxOrStoresAnIncompleteRequest() {
        // the application's database holds other tests' requests (some erased, some from other countries): only the
        // ones stored from here on are this test's
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        Random random = new Random(42);
        String[] fields = {"name", "email", "phone", "country", "city", "message", "consent", "from", "token", "homepage"};
        for (int i = 0; i < 150; i++) {
            Map<String, String> form = client.applicant(random.nextBoolean() ? "AM" : randomString(random, 3));
            for (String field : fields) {
                int dice = random.nextInt(10);
                if (dice == 0) {
                    form.remove(field);
                } else if (dice == 1) {
                    form.put(field, randomString(random, random.nextInt(400)));
                } else if (dice == 2 && !field.equals("homepage")) {
                    form.put(field, randomString(random, 1 + random.nextInt(8000)));
                }
            }
            HttpResponse<String> response = client.post(random.nextInt(5) == 0 ? "xx" : "en", form);
            assertThat(response.statusCode()).as("attempt " + i).isLessThan(500);
        }
        for (byte[] raw : List.of(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}, "name=%ZZ&email=%".getBytes(StandardCharsets.US_ASCII),
                "name=%C3%28&email=a%40b.org&city=%ED%A0%80".getBytes(StandardCharsets.US_ASCII),
                "name=\u0000".getBytes(StandardCharsets.UTF_16))) {
            assertThat(client.postRaw("en", raw, "application/x-www-form-urlencoded").statusCode()).isLessThan(500);
            assertThat(client.postRaw("en", raw, "application/x-www-form-urlencoded; charset=ISO-8859-1").statusCode()).isLessThan(500);
            assertThat(client.postRaw("en", raw, "multipart/form-data; boundary=x").statusCode()).isLessThan(500);
            assertThat(client.postRaw("en", raw, "text/plain").statusCode()).isLessThan(500);
        }
        assertThat(jdbc.sql("""
                select count(*) from join_request
                 where created_at >= ? and (name is null or email is null or city is null or email_hash is null
                    or country_code is null or consent_at is null or section_id is null)""").param(started)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from join_request where created_at >= ? and country_code not in ('AM', 'GE', 'NZ')")
                .param(started).query(Long.class).single()).isZero();
    }

    private static String randomString(Random random, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            int kind = random.nextInt(4);
            int codePoint = switch (kind) {
                case 0 -> 32 + random.nextInt(95);
                case 1 -> random.nextInt(32);
                case 2 -> 0x400 + random.nextInt(0x600);
                default -> random.nextInt(0x10FFFF);
            };
            if (Character.isValidCodePoint(codePoint)) {
                s.appendCodePoint(codePoint);
            }
        }
        return s.toString();
    }

    private long count(String email) {
        return jdbc.sql("select count(*) from join_request where email_hash = ?")
                .param(hash.of("join_request.email", email.strip().toLowerCase()))
                .query(Long.class).single();
    }

    private Map<String, Object> row(String email) {
        return jdbc.sql("""
                        select id, public_id, section_id, country_code, language, source_path, name, email, phone, city,
                               message, email_hash, consent_at, confirmed_at, status, due_at
                          from join_request where email_hash = ?""")
                .param(hash.of("join_request.email", email.strip().toLowerCase()))
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    for (String column : List.of("public_id", "country_code", "language", "source_path", "name", "email",
                            "phone", "city", "message", "email_hash", "status")) {
                        row.put(column, rs.getString(column));
                    }
                    row.put("id", rs.getLong("id"));
                    row.put("section_id", rs.getLong("section_id"));
                    row.put("consent_at", rs.getObject("consent_at", OffsetDateTime.class));
                    row.put("confirmed_at", rs.getObject("confirmed_at", OffsetDateTime.class));
                    row.put("due_at", rs.getObject("due_at", OffsetDateTime.class));
                    return row;
                })
                .single();
    }

    /** The one message to this recipient whose body contains {@code containing} (any, when null). */
    private static MimeMessage awaitOne(String recipient, String containing) {
        Await.until("a message to " + recipient, () -> !messagesTo(recipient, containing).isEmpty());
        List<MimeMessage> received = messagesTo(recipient, containing);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static List<MimeMessage> messagesTo(String recipient, String containing) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(message -> {
            try {
                boolean to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> ((InternetAddress) address).getAddress().equals(recipient));
                return to && (containing == null || message.getContent().toString().contains(containing));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

}
