package org.iskra.accounts;

import static org.assertj.core.api.Assertions.assertThat;


import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Logging in to the back office over real HTTP, with cookies, CSRF tokens and throttling as a browser meets them. */
@IskraIntegrationTest
class BackOfficeAccessTest {

    private static final String PASSWORD = "correct horse battery staple 42";

    @Autowired
    StaffAccounts accounts;

    @LocalServerPort
    int port;

    private static String enc(String s) {
        return StaffBrowser.encode(s);
    }

    private String newUser(Role role, String scope) {
        String email = "staff-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Test " + role, PASSWORD, List.of(new StaffRole(role, scope)));
        return email;
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        for (String path : List.of("/admin/", "/admin/translations", "/admin/translations.json")) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/admin/login");
        }
        HttpResponse<String> login = browser.get("/admin/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(login.body()).select("label[for=email], label[for=password]")).hasSize(2);
        assertThat(login.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }

    @Test
    void aTranslatorLogsInSeesCoverageAndLogsOut() throws Exception {
        String email = newUser(Role.TRANSLATOR, "ru");
        StaffBrowser browser = new StaffBrowser(port);

        HttpResponse<String> loggedIn = browser.logIn(email, PASSWORD);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
        String cookie = loggedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ISKRA_STAFF=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Path=/admin").contains("HttpOnly").contains("SameSite=Lax");

        HttpResponse<String> home = browser.get("/admin/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(home.body()).text()).contains(email).contains("translator (ru)");
        assertThat(browser.get("/admin/translations").statusCode()).isEqualTo(200);
        HttpResponse<String> json = browser.get("/admin/translations.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.body()).contains("\"languages\"");

        String token = Jsoup.parse(home.body()).select("form[action=/admin/logout] input[name=_csrf]").attr("value");
        HttpResponse<String> logout = browser.post("/admin/logout", "_csrf=" + enc(token));
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?logout");
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(302);
    }

    @Test
    void anAuthorMayNotOpenTheCoverageReport() throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(newUser(Role.AUTHOR, ""), PASSWORD);
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/admin/translations").statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageInTheReadersLanguage() throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        HttpResponse<String> response = browser.logIn(newUser(Role.EDITOR, ""), "not the password at all");
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?error");
        HttpResponse<String> page = browser.get("/admin/login?error", "Accept-Language", "ru");
        assertThat(Jsoup.parse(page.body()).select(".notice").text()).isEqualTo("Неверная почта или пароль.");
    }

    @Test
    void loggingInWithoutTheCsrfTokenIsForbidden() throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        HttpResponse<String> response = browser.post("/admin/login", "email=" + enc(newUser(Role.EDITOR, "")) + "&password=" + enc(PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void repeatedFailuresDelayThatAccountFromThatAddressEvenWithTheRightPassword() throws Exception {
        String email = newUser(Role.EDITOR, "");
        StaffBrowser attacker = new StaffBrowser(port);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.logIn(email, "wrong password " + i).headers().firstValue("Location").orElseThrow()).endsWith("?error");
        }
        HttpResponse<String> throttled = attacker.logIn(email, PASSWORD);
        assertThat(throttled.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login?throttled");
        assertThat(attacker.get("/admin/").statusCode()).as("not logged in").isEqualTo(302);
    }

    @Test
    void publicPagesNeverGetTheStaffCookie() throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(newUser(Role.EDITOR, ""), PASSWORD);
        HttpResponse<String> front = browser.get("/en/");
        assertThat(front.request().headers().allValues("Cookie")).isEmpty();
        assertThat(front.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void weakPasswordsAreRefused() {
        for (String weak : List.of("short", "password1234", "Qwertyuiop123", "aaaaaaaaaaaaaaaa")) {
            try {
                accounts.create("weak-" + UUID.randomUUID() + "@example.org", "Weak", weak, List.of());
                throw new AssertionError("accepted " + weak);
            } catch (PasswordRejectedException expected) {
                assertThat(expected.reason()).startsWith("accounts.password.");
            }
        }
    }

    @Test
    void backOfficePagesAreValidHtml() throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        assertThat(org.iskra.testsupport.HtmlChecker.errors(browser.get("/admin/login?error").body())).isEmpty();
        browser.logIn(newUser(Role.ADMINISTRATOR, ""), PASSWORD);
        for (String path : List.of("/admin/", "/admin/translations", "/admin/translations?language=ru", "/admin/users",
                "/admin/users/new", "/admin/account")) {
            HttpResponse<String> page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(org.iskra.testsupport.HtmlChecker.errors(page.body())).as(path).isEmpty();
        }
        assertThat(browser.get("/admin/translations?language=xx").statusCode()).isEqualTo(404);
    }

    @Test
    void theFirstAdministratorExists() {
        assertThat(accounts.find("admin@localhost")).hasValueSatisfying(admin -> assertThat(admin.has(Role.ADMINISTRATOR)).isTrue());
    }

}
