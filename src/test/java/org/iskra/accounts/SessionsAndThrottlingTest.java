package org.iskra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Sessions (none for anonymous visitors, shorter for those who read personal data, an absolute limit) and the
 * login throttle as every node sees it: in the database, per account without locking its owner out, and the
 * warning when Iskra sees its proxy instead of its clients.
 */
@IskraIntegrationTest
class SessionsAndThrottlingTest {

    private static final String PASSWORD = "sessions passphrase for tests";

    @Autowired
    StaffAccounts accounts;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private String user(Role role) {
        String email = "sessions-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Sessions " + role, PASSWORD, List.of(StaffRole.of(role)));
        return email;
    }

    private int sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Integer.class).single();
    }

    @Test
    void anonymousVisitsCreateNoSession() throws Exception {
        int before = sessions();
        StaffBrowser browser = new StaffBrowser(port);
        for (String path : List.of("/admin/login", "/admin/", "/admin/join", "/admin/invitation/"
                + "A".repeat(43), "/admin/login?error")) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("ISKRA_STAFF="));
        }
        assertThat(StaffBrowser.location(browser.logIn("nobody-" + UUID.randomUUID() + "@example.org", "wrong password")))
                .endsWith("/admin/login?error");
        assertThat(sessions()).as("no session row for anonymous visits").isEqualTo(before);

        // and the login still works, its form protected by the token in a cookie until there is a session, and leads
        // back to the page asked for before it (remembered in a cookie too)
        assertThat(StaffBrowser.location(browser.logIn(user(Role.EDITOR), PASSWORD))).endsWith("/admin/join");
        assertThat(sessions()).isEqualTo(before + 1);
    }

    @Test
    void thoseWhoReadPersonalDataGetShorterSessions() throws Exception {
        String organizer = user(Role.ORGANIZER);
        new StaffBrowser(port).logIn(organizer, PASSWORD);
        String editor = user(Role.EDITOR);
        new StaffBrowser(port).logIn(editor, PASSWORD);
        assertThat(idle(organizer)).isEqualTo(30 * 60);
        assertThat(idle(editor)).isEqualTo(8 * 60 * 60);
    }

    @Test
    void aSessionEndsTwelveHoursAfterTheLoginHoweverBusy() throws Exception {
        String organizer = user(Role.ORGANIZER);
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(organizer, PASSWORD);
        assertThat(browser.get("/admin/join").statusCode()).isEqualTo(200);
        long elevenHoursAgo = System.currentTimeMillis() - 11 * 3600_000L;
        jdbc.sql("update spring_session set creation_time = ? where principal_name = ?").params(elevenHoursAgo, organizer).update();
        assertThat(browser.get("/admin/join").statusCode()).as("eleven hours in").isEqualTo(200);
        long thirteenHoursAgo = System.currentTimeMillis() - 13 * 3600_000L;
        jdbc.sql("update spring_session set creation_time = ? where principal_name = ?").params(thirteenHoursAgo, organizer).update();
        HttpResponse<String> late = browser.get("/admin/join");
        assertThat(StaffBrowser.location(late)).endsWith("/admin/login?expired");
        assertThat(browser.get("/admin/join").statusCode()).isEqualTo(302);
    }

    @Test
    void failuresAnotherNodeRecordedCountHereToo() throws Exception {
        String email = user(Role.EDITOR);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT_AND_ADDRESS; i++) {
            // what another node sharing the database wrote after five wrong passwords from this client
            jdbc.sql("insert into login_failure (account_key, address, step, failed_at) values (?, ?, 'password', ?)")
                    .params(accountKey(email), "127.0.0.1", now).update();
        }
        assertThat(StaffBrowser.location(new StaffBrowser(port).logIn(email, PASSWORD))).endsWith("/admin/login?throttled");
    }

    @Test
    void guessingFromManyAddressesSlowsTheAccountButNotItsOwnersBrowser() throws Exception {
        String email = user(Role.EDITOR);
        StaffBrowser owner = new StaffBrowser(port);
        assertThat(StaffBrowser.location(owner.logIn(email, PASSWORD))).endsWith("/admin/");
        String device = owner.cookie(StaffDevices.COOKIE);
        assertThat(device).isNotNull();

        for (int i = 0; i < LoginThrottle.ACCOUNT_SLOW_DOWN_AFTER; i++) {
            throttle.failed(from("2001:db8:" + i + "::1", null), email, "password");
        }
        assertThat(throttle.check(from("2001:db8:99::1", null), email)).as("a new address").isEqualTo(LoginThrottle.Verdict.SLOWED);
        assertThat(throttle.check(from("2001:db8:99::1", device), email)).as("the owner's browser").isEqualTo(LoginThrottle.Verdict.GO);
        assertThat(throttle.check(from("2001:db8:99::1", null), "someone-else@example.org")).isEqualTo(LoginThrottle.Verdict.GO);
        // the failures were counted per /64: five from one /64 throttle it, whatever the last 64 bits
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT_AND_ADDRESS; i++) {
            throttle.failed(from("2001:db8:aa::" + (i + 1), null), "other-" + email, "password");
        }
        assertThat(throttle.check(from("2001:db8:aa::ffff", null), "other-" + email)).isEqualTo(LoginThrottle.Verdict.THROTTLED);
        assertThat(LoginThrottle.delay(LoginThrottle.ACCOUNT_SLOW_DOWN_AFTER)).hasSeconds(2);
        assertThat(LoginThrottle.delay(1000)).isEqualTo(LoginThrottle.MAX_DELAY);
    }

    @Test
    void requestsFromOneProxyWithForwardedHeadersAreReportedInTheHealthDetails() {
        Http http = new Http(port);
        for (int i = 0; i < 12; i++) {
            // the back office's pages: public ones may be answered from the page cache before any filter runs
            http.get("/admin/login", "X-Forwarded-For", "203.0.113." + i);
        }
        HttpResponse<String> health = http.get("/actuator/health/proxy");
        assertThat(health.body()).contains("WARNING").contains("ISKRA_FORWARDED_HEADERS=native").contains("127.0.0.1");
        assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    private static MockHttpServletRequest from(String address, String device) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/login");
        request.setRemoteAddr(address);
        if (device != null) {
            request.setCookies(new jakarta.servlet.http.Cookie(StaffDevices.COOKIE, device));
        }
        return request;
    }

    private int idle(String email) {
        return jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?").param(email)
                .query(Integer.class).single();
    }

    private static String accountKey(String email) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(email.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
