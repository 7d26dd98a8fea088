package org.iskra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.iskra.testsupport.Authenticator;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second step of a staff login over real HTTP: who must set up an authenticator app and when, what a session
 * half-way through may see (nothing), codes and recovery codes used once, an administrator's reset, the first
 * administrator's generated password, and the roles an administrator makes need a second factor.
 */
@IskraIntegrationTest
class SecondFactorTest {

    private static final String PASSWORD = "second factor passphrase";

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private String user(Role role) {
        String email = "2fa-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Second " + role, PASSWORD, List.of(new StaffRole(role, role == Role.ORGANIZER ? "fallback" : "")));
        return email;
    }

    @Test
    void anOrganizerSetsUpAnAppAtTheFirstLoginAndSeesNothingBefore() throws Exception {
        String email = user(Role.ORGANIZER);
        StaffBrowser browser = new StaffBrowser(port);
        assertThat(StaffBrowser.location(browser.logInWithPasswordOnly(email, PASSWORD))).endsWith("/admin/second-factor/enrol");
        for (String path : List.of("/admin/", "/admin/join", "/admin/account", "/admin/second-factor")) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isIn(302, 303);
            assertThat(StaffBrowser.location(response)).as(path).endsWith("/admin/second-factor/enrol");
        }
        HttpResponse<String> page = browser.get("/admin/second-factor/enrol");
        assertThat(page.statusCode()).isEqualTo(200);
        Document enrolment = Jsoup.parse(page.body());
        assertThat(enrolment.select("svg.qr path").attr("d")).startsWith("M");
        assertThat(enrolment.select("script")).isEmpty();
        assertThat(enrolment.select("#secret").text().replace(" ", "")).matches("[A-Z2-7]{32}");
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
        assertThat(browser.post("/admin/second-factor/enrol", "_csrf=" + StaffBrowser.encode(enrolment.select("input[name=_csrf]").attr("value"))
                + "&code=000000").statusCode()).as("a wrong first code").isEqualTo(400);

        HttpResponse<String> done = browser.enrol(email);
        assertThat(StaffBrowser.location(done)).endsWith("/admin/");
        assertThat(Authenticator.recoveryCodes(email)).hasSize(10).allMatch(code -> code.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
        assertThat(browser.get("/admin/join").statusCode()).isEqualTo(200);
        assertThat(browser.get("/admin/second-factor/recovery-codes").statusCode()).as("shown once").isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from staff_recovery_code c join staff_user u on u.id = c.user_id where u.email = ?")
                .param(email).query(Integer.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("select code_hash from staff_recovery_code c join staff_user u on u.id = c.user_id where u.email = ?")
                .param(email).query(String.class).list()).doesNotContainAnyElementsOf(Authenticator.recoveryCodes(email));
        assertThat(audit(email, "staff.second-factor.enrol")).isEqualTo(1);
        assertThat(audit(email, "staff.login")).isEqualTo(1);
    }

    @Test
    void theNextLoginNeedsACodeAndNoCodeWorksTwice() throws Exception {
        String email = user(Role.ADMINISTRATOR);
        new StaffBrowser(port).logIn(email, PASSWORD);

        StaffBrowser browser = new StaffBrowser(port);
        assertThat(StaffBrowser.location(browser.logInWithPasswordOnly(email, PASSWORD))).endsWith("/admin/second-factor");
        assertThat(StaffBrowser.location(browser.get("/admin/users"))).endsWith("/admin/second-factor");
        HttpResponse<String> codePage = browser.get("/admin/second-factor");
        assertThat(codePage.statusCode()).isEqualTo(200);
        assertThat(HtmlChecker.errors(codePage.body())).isEmpty();
        String code = Authenticator.nextCode(email);
        assertThat(StaffBrowser.location(browser.typeCode(code))).endsWith("/admin/");
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);

        StaffBrowser again = new StaffBrowser(port);
        again.logInWithPasswordOnly(email, PASSWORD);
        assertThat(again.typeCode(code).statusCode()).as("the same code a second time").isEqualTo(400);
        assertThat(audit(email, "staff.login.failed")).isEqualTo(1);
        String recovery = Authenticator.recoveryCodes(email).get(0);
        assertThat(StaffBrowser.location(again.typeCode(recovery.toUpperCase()))).endsWith("/admin/");
        assertThat(audit(email, "staff.recovery-code.use")).isEqualTo(1);

        StaffBrowser third = new StaffBrowser(port);
        third.logInWithPasswordOnly(email, PASSWORD);
        assertThat(third.typeCode(recovery).statusCode()).as("a recovery code works once").isEqualTo(400);
    }

    @Test
    void fiveWrongCodesEndTheHalfDoneLoginAndCountTowardTheThrottle() throws Exception {
        String email = user(Role.ORGANIZER);
        new StaffBrowser(port).logIn(email, PASSWORD);
        StaffBrowser browser = new StaffBrowser(port);
        browser.logInWithPasswordOnly(email, PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(browser.typeCode("00000" + i).statusCode()).isEqualTo(400);
        }
        assertThat(StaffBrowser.location(browser.typeCode("000009"))).endsWith("/admin/login?error");
        assertThat(browser.get("/admin/second-factor").statusCode()).isEqualTo(302);
        // five failures for this account from this address: even the right password now waits
        assertThat(StaffBrowser.location(new StaffBrowser(port).logIn(email, PASSWORD))).endsWith("/admin/login?throttled");
    }

    @Test
    void anEditorNeedsNoSecondFactorUntilAnAdministratorSaysSo() throws Exception {
        String editor = user(Role.EDITOR);
        StaffBrowser editorBrowser = new StaffBrowser(port);
        assertThat(StaffBrowser.location(editorBrowser.logIn(editor, PASSWORD))).endsWith("/admin/");
        assertThat(editorBrowser.get("/admin/articles").statusCode()).isEqualTo(200);

        StaffBrowser admin = new StaffBrowser(port);
        admin.logIn(user(Role.ADMINISTRATOR), PASSWORD);
        assertThat(Jsoup.parse(admin.get("/admin/users/second-factor").body()).select("input[name=role]")).hasSize(3);
        String token = admin.csrf("/admin/users/second-factor");
        try {
            assertThat(StaffBrowser.location(admin.post("/admin/users/second-factor", "_csrf=" + StaffBrowser.encode(token) + "&role=EDITOR")))
                    .endsWith("/admin/users/second-factor?done");
            assertThat(editorBrowser.get("/admin/articles").statusCode()).as("the editor's session ended").isEqualTo(302);
            StaffBrowser next = new StaffBrowser(port);
            assertThat(StaffBrowser.location(next.logInWithPasswordOnly(editor, PASSWORD))).endsWith("/admin/second-factor/enrol");
        } finally {
            admin.post("/admin/users/second-factor", "_csrf=" + StaffBrowser.encode(admin.csrf("/admin/users/second-factor")));
        }
    }

    @Test
    void anAdministratorResetsASecondFactorAfterConfirmingWhoTheyAre() throws Exception {
        String organizer = user(Role.ORGANIZER);
        StaffBrowser organizerBrowser = new StaffBrowser(port);
        organizerBrowser.logIn(organizer, PASSWORD);
        long id = accounts.idOf(organizer).orElseThrow();

        String adminEmail = user(Role.ADMINISTRATOR);
        StaffBrowser admin = new StaffBrowser(port).confirmingAgain(false);
        admin.logIn(adminEmail, PASSWORD);
        String token = Jsoup.parse(admin.get("/admin/users/" + id).body()).select("form[action$=/second-factor/reset] input[name=_csrf]").attr("value");
        HttpResponse<String> asked = admin.post("/admin/users/" + id + "/second-factor/reset", "_csrf=" + StaffBrowser.encode(token));
        assertThat(StaffBrowser.asksAgain(asked)).isTrue();
        assertThat(HtmlChecker.errors(asked.body())).isEmpty();
        assertThat(jdbc.sql("select count(*) from staff_totp where user_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);

        Document form = Jsoup.parse(asked.body());
        String confirm = "_csrf=" + StaffBrowser.encode(form.select("form[data-reauthenticate] input[name=_csrf]").attr("value"));
        assertThat(admin.post("/admin/users/" + id + "/second-factor/reset", confirm + "&reauth-code=123456").statusCode())
                .as("a wrong code").isEqualTo(400);
        HttpResponse<String> reset = admin.post("/admin/users/" + id + "/second-factor/reset",
                confirm + "&reauth-code=" + Authenticator.nextCode(adminEmail));
        assertThat(StaffBrowser.location(reset)).endsWith("/admin/users/" + id + "?done=second-factor");
        assertThat(jdbc.sql("select count(*) from staff_totp where user_id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(audit(organizer, "staff.second-factor.reset")).isEqualTo(1);
        assertThat(organizerBrowser.get("/admin/join").statusCode()).as("their sessions ended").isEqualTo(302);
        assertThat(StaffBrowser.location(new StaffBrowser(port).logInWithPasswordOnly(organizer, PASSWORD)))
                .endsWith("/admin/second-factor/enrol");
    }

    @Test
    void theFirstAdministratorsGeneratedPasswordMustBeReplacedFirst() throws Exception {
        String email = user(Role.ADMINISTRATOR);
        accounts.requirePasswordChange(accounts.idOf(email).orElseThrow());
        StaffBrowser browser = new StaffBrowser(port);
        assertThat(StaffBrowser.location(browser.logIn(email, PASSWORD))).endsWith("/admin/new-password");
        assertThat(StaffBrowser.location(browser.get("/admin/second-factor/enrol"))).endsWith("/admin/second-factor");
        assertThat(StaffBrowser.location(browser.get("/admin/users"))).endsWith("/admin/new-password");
        HttpResponse<String> form = browser.get("/admin/new-password");
        assertThat(HtmlChecker.errors(form.body())).isEmpty();
        String token = Jsoup.parse(form.body()).select("input[name=_csrf]").attr("value");
        assertThat(browser.post("/admin/new-password", "_csrf=" + StaffBrowser.encode(token) + "&password="
                + StaffBrowser.encode(PASSWORD) + "&repeat=" + StaffBrowser.encode(PASSWORD)).statusCode())
                .as("the generated password again").isEqualTo(400);
        String chosen = "my own passphrase, not logged";
        assertThat(StaffBrowser.location(browser.post("/admin/new-password", "_csrf=" + StaffBrowser.encode(token) + "&password="
                + StaffBrowser.encode(chosen) + "&repeat=" + StaffBrowser.encode(chosen)))).endsWith("/admin/second-factor");
        assertThat(StaffBrowser.location(browser.get("/admin/second-factor"))).endsWith("/admin/second-factor/enrol");
        assertThat(StaffBrowser.location(browser.enrol(email))).endsWith("/admin/");
        assertThat(StaffBrowser.location(new StaffBrowser(port).logInWithPasswordOnly(email, PASSWORD))).endsWith("?error");
    }

    @Test
    void theFirstAdministratorCreatedAtStartMustReplaceItsPassword() {
        assertThat(jdbc.sql("select password_must_change from staff_user where email = 'admin@localhost'")
                .query(Boolean.class).single()).isTrue();
    }

    private int audit(String email, String action) {
        return jdbc.sql("""
                        select count(*) from audit_event a join staff_user u on a.subject_id = cast(u.id as varchar(64))
                         where u.email = ? and a.action = ? and a.subject_type = 'staff_user'""")
                .params(email, action).query(Integer.class).single();
    }
}
