package org.iskra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A staff user's own account over real HTTP, with two browsers logged in as the same person. */
@IskraIntegrationTest
class AccountSessionsTest {

    private static final String PASSWORD = "first passphrase of mine";
    private static final String NEW_PASSWORD = "second passphrase of mine";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loggingOutEverywhereEndsTheSessionInTheOtherBrowserToo() throws Exception {
        String email = staff();
        StaffBrowser office = loggedIn(email, PASSWORD);
        StaffBrowser home = loggedIn(email, PASSWORD);
        HttpResponse<String> account = office.get("/admin/account");
        assertThat(Jsoup.parse(account.body()).select("main p, p").eachText()).contains("You have 2 open sessions.");

        HttpResponse<String> out = office.post("/admin/account/sessions", "_csrf=" + StaffBrowser.encode(office.csrf("/admin/account")));

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/login?logout");
        assertThat(home.get("/admin/").statusCode()).as("the other browser").isEqualTo(302);
        assertThat(office.get("/admin/").statusCode()).as("this browser").isEqualTo(302);
        assertThat(sessionsOf(email)).isZero();
        assertThat(loggedIn(email, PASSWORD).get("/admin/").statusCode()).as("logging in again works").isEqualTo(200);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() throws Exception {
        String email = staff();
        StaffBrowser office = loggedIn(email, PASSWORD);
        StaffBrowser home = loggedIn(email, PASSWORD);

        HttpResponse<String> wrong = change(office, "not my password", NEW_PASSWORD, NEW_PASSWORD, "ru");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(wrong.body()).select("#current-error").text()).isEqualTo("Текущий пароль указан неверно.");
        assertThat(HtmlChecker.errors(wrong.body())).isEmpty();
        HttpResponse<String> weak = change(office, PASSWORD, "qwertyuiop123", "qwertyuiop123", "ru");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(weak.body()).select("#password-error").text()).isNotEmpty();
        HttpResponse<String> mismatch = change(office, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!", "ru");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(mismatch.body()).select("#repeat-error").text()).isEqualTo("Пароли не совпадают.");
        assertThat(home.get("/admin/").statusCode()).as("refused changes end nothing").isEqualTo(200);

        HttpResponse<String> changed = change(office, PASSWORD, NEW_PASSWORD, NEW_PASSWORD, "ru");
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/account?changed");

        assertThat(home.get("/admin/").statusCode()).as("the other session ended").isEqualTo(302);
        HttpResponse<String> after = office.get("/admin/account?changed");
        assertThat(after.statusCode()).as("this session stays").isEqualTo(200);
        assertThat(Jsoup.parse(after.body()).select(".notice").text())
                .isEqualTo("Пароль изменён. Другие ваши сеансы завершены.");
        assertThat(sessionsOf(email)).isEqualTo(1);
        assertThat(new StaffBrowser(port).logIn(email, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("?error");
        assertThat(new StaffBrowser(port).logIn(email, NEW_PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
    }

    @Test
    void guessingTheCurrentPasswordThroughTheChangeFormIsStoppedAfterAFewTries() throws Exception {
        String email = staff();
        StaffBrowser browser = loggedIn(email, PASSWORD);
        for (int i = 0; i < PasswordChangeThrottle.FAILURES; i++) {
            assertThat(change(browser, "guess number " + i, NEW_PASSWORD, NEW_PASSWORD, "en").statusCode()).isEqualTo(400);
        }
        HttpResponse<String> refused = change(browser, PASSWORD, NEW_PASSWORD, NEW_PASSWORD, "en");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(refused.body()).select(".form-notice").text())
                .isEqualTo("Too many wrong current passwords. Please wait a few minutes and try again.");
        assertThat(HtmlChecker.errors(refused.body())).isEmpty();
        assertThat(new StaffBrowser(port).logIn(email, PASSWORD).headers().firstValue("Location").orElseThrow())
                .as("the password did not change").endsWith("/admin/");
    }

    @Test
    void theAccountPageIsValidHtmlAndLinkedFromTheBackOfficeHome() throws Exception {
        StaffBrowser browser = loggedIn(staff(), PASSWORD);
        assertThat(Jsoup.parse(browser.get("/admin/").body()).select("a[href=/admin/account]")).hasSize(1);
        HttpResponse<String> account = browser.get("/admin/account", "Accept-Language", "ar");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(account.body()).select("html").attr("dir")).isEqualTo("rtl");
        assertThat(HtmlChecker.errors(account.body())).isEmpty();
        assertThat(browser.post("/admin/account/sessions", "").statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> change(StaffBrowser browser, String current, String password, String repeat, String language)
            throws Exception {
        browser.chooseInterfaceLanguage(language);
        return browser.post("/admin/account/password", "_csrf=" + StaffBrowser.encode(browser.csrf("/admin/account"))
                + "&current=" + StaffBrowser.encode(current) + "&password=" + StaffBrowser.encode(password)
                + "&repeat=" + StaffBrowser.encode(repeat));
    }

    private String staff() {
        String email = "self-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Self Service", PASSWORD, List.of(StaffRole.of(Role.AUTHOR)));
        return email;
    }

    private StaffBrowser loggedIn(String email, String password) throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        assertThat(browser.logIn(email, password).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
        return browser;
    }

    private int sessionsOf(String email) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?").param(email).query(Integer.class).single();
    }
}
