package org.iskra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.MailServer;
import org.iskra.testsupport.StaffBrowser;
import org.iskra.testsupport.StrictLimitsIskraTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Administrators managing staff over real HTTP: invitations through a real mail server (GreenMail), the one-time
 * link, roles, disabling, ending someone's sessions, and the refusals in the administrator's language.
 */
@StrictLimitsIskraTest
class StaffAdministrationTest {

    private static final String PASSWORD = "administrator passphrase 7";
    private static final Pattern LINK = Pattern.compile("http://localhost:[0-9]+(/admin/invitation/([A-Za-z0-9_-]{43}))");
    @RegisterExtension
    static final MailServer mailServer = new MailServer();

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private String adminEmail;
    private StaffBrowser admin;

    @BeforeEach
    void logInAnAdministrator() throws Exception {
        adminEmail = "admin-" + UUID.randomUUID() + "@example.org";
        accounts.create(adminEmail, "Ada Admin", PASSWORD, List.of(StaffRole.of(Role.ADMINISTRATOR)));
        admin = new StaffBrowser(port);
        assertThat(admin.logIn(adminEmail, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
    }

    @Test
    void anInvitedStaffMemberChoosesAPasswordOnceAndLogsIn() throws Exception {
        admin.chooseInterfaceLanguage("ru");
        String email = "Invited-" + UUID.randomUUID() + "@Example.org";

        HttpResponse<String> invited = post(admin, "/admin/users", "email", email, "displayName", "Ivan Translator",
                "translator", "ru", "translator", "uk", "role", "EDITOR");

        assertThat(invited.statusCode()).isEqualTo(303);
        String userPath = invited.headers().firstValue("Location").orElseThrow();
        assertThat(userPath).matches("/admin/users/[0-9]+\\?done=invited");
        StaffUser user = accounts.find(email).orElseThrow();
        assertThat(user.email()).isEqualTo(email.toLowerCase());
        assertThat(user.roles()).containsExactlyInAnyOrder(StaffRole.of(Role.EDITOR), new StaffRole(Role.TRANSLATOR, "ru"),
                new StaffRole(Role.TRANSLATOR, "uk"));
        assertThat(jdbc.sql("select password_hash from staff_user where id = ?").param(user.id()).query(String.class).optional())
                .isEmpty();
        Document userPage = Jsoup.parse(admin.get(userPath).body());
        assertThat(userPage.select(".notice").text()).isEqualTo("Учётная запись создана, приглашение отправляется.");
        assertThat(userPage.text()).contains("переводчик (украинский)");

        MimeMessage mail = awaitOne(user.email());
        assertThat(mail.getSubject()).isEqualTo("Ваша учётная запись сотрудника на сайте Искра");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body).startsWith("Здравствуйте, Ivan Translator!").contains("Ada Admin").contains("72 часов");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(2);
        String storedHash = jdbc.sql("select token_hash from staff_invitation where user_id = ?").param(user.id())
                .query(String.class).single();
        assertThat(storedHash).isEqualTo(sha256(token)).doesNotContain(token);
        OffsetDateTime expires = jdbc.sql("select expires_at from staff_invitation where user_id = ?").param(user.id())
                .query(OffsetDateTime.class).single();
        assertThat(expires).isBetween(OffsetDateTime.now(ZoneOffset.UTC).plusHours(71), OffsetDateTime.now(ZoneOffset.UTC).plusHours(73));

        StaffBrowser invitee = new StaffBrowser(port);
        assertThat(invitee.logIn(email, "any password at all").headers().firstValue("Location").orElseThrow())
                .as("no password yet, so no login").endsWith("?error");
        HttpResponse<String> form = invitee.get(link.group(1));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(HtmlChecker.errors(form.body())).isEmpty();
        assertThat(Jsoup.parse(form.body()).text()).contains(user.email());

        HttpResponse<String> weak = post(invitee, link.group(1), "password", "password1234", "repeat", "password1234");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(weak.body()).select("#password-error").text())
                .isEqualTo("This password is too common or too simple; choose another.");
        assertThat(HtmlChecker.errors(weak.body())).isEmpty();
        HttpResponse<String> mismatch = post(invitee, link.group(1), "password", "a long enough passphrase", "repeat", "something else");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(mismatch.body()).select("#repeat-error").text()).isEqualTo("The two passwords are not the same.");

        String chosen = "granite orchard lantern 93";
        HttpResponse<String> accepted = post(invitee, link.group(1), "password", chosen, "repeat", chosen);
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/login?welcome");
        assertThat(Jsoup.parse(invitee.get("/admin/login?welcome").body()).select(".notice").text())
                .isEqualTo("Your password is set. You can log in now.");

        HttpResponse<String> again = invitee.get(link.group(1), "Accept-Language", "ru");
        assertThat(again.statusCode()).as("the link works once").isEqualTo(410);
        assertThat(Jsoup.parse(again.body()).select("h1").text()).isEqualTo("Эта ссылка уже использована");
        assertThat(HtmlChecker.errors(again.body())).isEmpty();
        assertThat(post(invitee, link.group(1), "password", "another fine passphrase", "repeat", "another fine passphrase")
                .statusCode()).isEqualTo(410);

        assertThat(invitee.logIn(email, chosen).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
        assertThat(invitee.get("/admin/translations").statusCode()).isEqualTo(200);
    }

    @Test
    void sendingTheInvitationAgainReplacesTheLink() throws Exception {
        String email = "resend-" + UUID.randomUUID() + "@example.org";
        long id = invite(email, "role", "AUTHOR");
        String first = awaitLinks(email, 1).get(0);

        HttpResponse<String> resent = post(admin, "/admin/users/" + id + "/invitation");
        assertThat(resent.statusCode()).isEqualTo(303);
        String second = awaitLinks(email, 2).stream().filter(l -> !l.equals(first)).findFirst().orElseThrow();

        StaffBrowser invitee = new StaffBrowser(port);
        assertThat(invitee.get(first).statusCode()).as("the replaced link").isEqualTo(404);
        assertThat(invitee.get(second).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredLinkSaysSoAndAnUnknownOneIsNotFound() throws Exception {
        String email = "late-" + UUID.randomUUID() + "@example.org";
        long id = invite(email, "role", "AUTHOR");
        String link = awaitLinks(email, 1).get(0);
        jdbc.sql("update staff_invitation set expires_at = ? where user_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), id).update();

        StaffBrowser invitee = new StaffBrowser(port);
        HttpResponse<String> expired = invitee.get(link, "Accept-Language", "de");
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(expired.body()).select("h1").text()).isEqualTo("Dieser Link ist abgelaufen");
        assertThat(post(invitee, link, "password", "granite orchard lantern 93", "repeat", "granite orchard lantern 93")
                .statusCode()).isEqualTo(410);
        assertThat(jdbc.sql("select password_hash from staff_user where id = ?").param(id).query(String.class).optional()).isEmpty();

        HttpResponse<String> unknown = invitee.get("/admin/invitation/" + "A".repeat(43), "Accept-Language", "ru");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.body()).select("h1").text()).isEqualTo("Страница не найдена");
        assertThat(invitee.get("/admin/invitation/not-even-a-token").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadInvitationIsRefusedWithMessagesInTheAdministratorsLanguageAndWhatWasTyped() throws Exception {
        admin.chooseInterfaceLanguage("fr");
        HttpResponse<String> form = admin.get("/admin/users/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(HtmlChecker.errors(form.body())).isEmpty();

        HttpResponse<String> bad = post(admin, "/admin/users", "email", "not-an-address", "displayName", " ",
                "translator", "xx");
        assertThat(bad.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(bad.body());
        assertThat(page.select("#email-error").text()).isEqualTo("Saisissez une adresse électronique valide.");
        assertThat(page.select("#displayName-error").text()).isEqualTo("Saisissez un nom de 200 caractères au plus.");
        assertThat(page.select("#roles-error").text()).isEqualTo("Choisissez au moins un rôle dans la liste.");
        assertThat(page.select("#email").attr("value")).isEqualTo("not-an-address");
        assertThat(page.select("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(HtmlChecker.errors(bad.body())).isEmpty();
        assertThat(accounts.find("not-an-address")).isEmpty();

        HttpResponse<String> taken = post(admin, "/admin/users", "email", adminEmail.toUpperCase(), "displayName", "Twin",
                "role", "EDITOR");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(taken.body()).select("#email-error").text())
                .isEqualTo("Un compte existe déjà avec cette adresse électronique.");
        assertThat(Jsoup.parse(taken.body()).select("#role-editor").hasAttr("checked")).as("the ticked roles stay").isTrue();

        assertThat(post(admin, "/admin/users", "email", "x@example.org", "displayName", "X", "role", "SUPERUSER").statusCode())
                .isEqualTo(400);
        assertThat(admin.post("/admin/users", "email=x%40example.org&displayName=X&role=EDITOR").statusCode())
                .as("no CSRF token").isEqualTo(403);
        HttpResponse<String> undecodable = admin.post("/admin/users",
                "_csrf=" + StaffBrowser.encode(admin.csrf("/admin/account")) + "&email=%ZZ&displayName=%C3%28&role=EDITOR");
        assertThat(undecodable.statusCode()).as("a form that is not UTF-8").isBetween(400, 499);
    }

    @Test
    void theListShowsEveryAccountWithItsRolesAndIsPaginated() throws Exception {
        for (int i = 0; i < StaffAdministration.PAGE_SIZE + 5; i++) {
            jdbc.sql("insert into staff_user (email, display_name) values (?, ?)")
                    .params("listed-" + UUID.randomUUID() + "@example.org", "Listed " + i).update();
        }
        String email = "scoped-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Scoped", PASSWORD, List.of(new StaffRole(Role.TRANSLATOR, "ar"), new StaffRole(Role.ORGANIZER, "international")));
        int total = jdbc.sql("select count(*) from staff_user").query(Integer.class).single();
        int pages = (total + StaffAdministration.PAGE_SIZE - 1) / StaffAdministration.PAGE_SIZE;

        HttpResponse<String> first = admin.get("/admin/users");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(HtmlChecker.errors(first.body())).isEmpty();
        Document page = Jsoup.parse(first.body());
        assertThat(page.select("tbody tr")).hasSize(StaffAdministration.PAGE_SIZE);
        assertThat(page.select("a[rel=next]").attr("href")).isEqualTo("/admin/users?page=2");

        int seen = 0;
        boolean found = false;
        for (int n = 1; n <= pages; n++) {
            Document each = Jsoup.parse(admin.get("/admin/users?page=" + n).body());
            seen += each.select("tbody tr").size();
            for (var row : each.select("tbody tr")) {
                if (row.text().contains(email)) {
                    found = true;
                    assertThat(row.text()).contains("translator (Arabic)").contains("organizer (international)").contains("enabled");
                }
                if (row.text().contains("Listed 0")) {
                    assertThat(row.text()).contains("invitation not yet accepted");
                }
            }
        }
        assertThat(seen).isEqualTo(total);
        assertThat(found).isTrue();
        assertThat(admin.get("/admin/users?page=" + (pages + 1)).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/users?page=0").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/users?page=abc").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/users/999999999").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/users/abc").statusCode()).isEqualTo(404);
        assertThat(post(admin, "/admin/users/999999999/disable").statusCode()).isEqualTo(404);
    }

    @Test
    void disablingEndsTheUsersSessionsAtOnceAndKeepsThemOut() throws Exception {
        String email = staff(Role.EDITOR);
        StaffBrowser editor = new StaffBrowser(port);
        editor.logIn(email, PASSWORD);
        assertThat(editor.get("/admin/").statusCode()).isEqualTo(200);
        long id = accounts.find(email).orElseThrow().id();

        HttpResponse<String> page = admin.get("/admin/users/" + id);
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
        assertThat(Jsoup.parse(page.body()).select("dd").eachText()).contains("1");
        assertThat(post(admin, "/admin/users/" + id + "/disable").headers().firstValue("Location").orElseThrow())
                .isEqualTo("/admin/users/" + id + "?done=disabled");

        assertThat(editor.get("/admin/").statusCode()).as("the open session is gone").isEqualTo(302);
        assertThat(editor.logIn(email, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("?error");
        assertThat(accounts.find(email).orElseThrow().enabled()).isFalse();
        assertThat(Jsoup.parse(admin.get("/admin/users/" + id + "?done=disabled").body()).select(".notice").text())
                .isEqualTo("The account is disabled and its sessions have ended.");

        assertThat(post(admin, "/admin/users/" + id + "/enable").statusCode()).isEqualTo(303);
        assertThat(new StaffBrowser(port).logIn(email, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");

        HttpResponse<String> resend = post(admin, "/admin/users/" + id + "/invitation");
        assertThat(resend.statusCode()).as("no invitation for someone who has a password").isEqualTo(400);
        assertThat(Jsoup.parse(resend.body()).select(".notice").text()).isEqualTo("This person has already accepted the invitation.");
    }

    @Test
    void anAdministratorCannotDisableThemselvesOrDropTheirOwnAdministratorRole() throws Exception {
        admin.chooseInterfaceLanguage("es");
        long self = accounts.find(adminEmail).orElseThrow().id();

        HttpResponse<String> disable = post(admin, "/admin/users/" + self + "/disable");
        assertThat(disable.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(disable.body()).select(".notice").text()).isEqualTo("No puedes desactivar tu propia cuenta.");
        assertThat(HtmlChecker.errors(disable.body())).isEmpty();

        HttpResponse<String> demote = post(admin, "/admin/users/" + self + "/roles", "role", "EDITOR");
        assertThat(demote.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(demote.body()).select("#roles-error").text())
                .isEqualTo("No puedes quitarte tu propia función de administrador.");

        StaffUser still = accounts.find(adminEmail).orElseThrow();
        assertThat(still.enabled()).isTrue();
        assertThat(still.roles()).containsExactly(StaffRole.of(Role.ADMINISTRATOR));
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);

        assertThat(post(admin, "/admin/users/" + self + "/roles", "role", "ADMINISTRATOR", "role", "EDITOR").statusCode())
                .as("adding a role to oneself is fine").isEqualTo(303);
        assertThat(admin.get("/admin/users").statusCode()).as("and keeps the session").isEqualTo(200);
    }

    @Test
    void changingRolesEndsTheUsersSessionsSoTheNewRolesApply() throws Exception {
        String email = staff(Role.EDITOR);
        StaffBrowser editor = new StaffBrowser(port);
        editor.logIn(email, PASSWORD);
        assertThat(editor.get("/admin/users").statusCode()).isEqualTo(403);
        long id = accounts.find(email).orElseThrow().id();

        assertThat(post(admin, "/admin/users/" + id + "/roles", "role", "AUTHOR", "organizer", "international").statusCode())
                .isEqualTo(303);
        assertThat(accounts.find(email).orElseThrow().roles())
                .containsExactly(StaffRole.of(Role.AUTHOR), new StaffRole(Role.ORGANIZER, "international"));
        assertThat(editor.get("/admin/").statusCode()).isEqualTo(302);
        editor.logIn(email, PASSWORD);
        assertThat(editor.get("/admin/translations").statusCode()).as("no longer an editor").isEqualTo(403);

        HttpResponse<String> none = post(admin, "/admin/users/" + id + "/roles", "organizer", "no-such-section");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(HtmlChecker.errors(none.body())).isEmpty();
    }

    @Test
    void anAdministratorEndsAllSessionsOfAUser() throws Exception {
        String email = staff(Role.AUTHOR);
        StaffBrowser phone = new StaffBrowser(port);
        StaffBrowser laptop = new StaffBrowser(port);
        phone.logIn(email, PASSWORD);
        laptop.logIn(email, PASSWORD);
        long id = accounts.find(email).orElseThrow().id();

        assertThat(post(admin, "/admin/users/" + id + "/sessions").statusCode()).isEqualTo(303);

        assertThat(phone.get("/admin/").statusCode()).isEqualTo(302);
        assertThat(laptop.get("/admin/").statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/").statusCode()).as("the administrator's own session stays").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(email)
                .query(Integer.class).single()).isZero();
    }

    private String staff(Role role) {
        String email = "staff-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Staff " + role, PASSWORD, List.of(StaffRole.of(role)));
        return email;
    }

    private long invite(String email, String... roles) throws Exception {
        String[] fields = new String[roles.length + 4];
        fields[0] = "email";
        fields[1] = email;
        fields[2] = "displayName";
        fields[3] = "Invited";
        System.arraycopy(roles, 0, fields, 4, roles.length);
        HttpResponse<String> response = post(admin, "/admin/users", fields);
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll("/admin/users/([0-9]+).*", "$1"));
    }

    /** Posts a form with the session's CSRF token, as the browser would from a back-office page. */
    private static HttpResponse<String> post(StaffBrowser browser, String path, String... fields) throws Exception {
        String csrfPage = path.startsWith("/admin/invitation/") ? "/admin/login" : "/admin/account";
        StringBuilder form = new StringBuilder("_csrf=").append(StaffBrowser.encode(browser.csrf(csrfPage)));
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(StaffBrowser.encode(fields[i + 1]));
        }
        return browser.post(path, form.toString());
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    private static MimeMessage awaitOne(String recipient) {
        Await.until("a message to " + recipient, () -> !messagesTo(recipient).isEmpty());
        List<MimeMessage> received = messagesTo(recipient);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    /** The invitation links (paths) mailed to this recipient, once {@code count} have arrived, oldest first. */
    private static List<String> awaitLinks(String recipient, int count) {
        Await.until(count + " messages to " + recipient, () -> messagesTo(recipient).size() >= count);
        return messagesTo(recipient).stream().map(message -> {
            try {
                Matcher link = LINK.matcher((String) message.getContent());
                assertThat(link.find()).isTrue();
                return link.group(1);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<MimeMessage> messagesTo(String recipient) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> ((InternetAddress) address).getAddress().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
