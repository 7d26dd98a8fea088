package org.iskra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Passwords as Argon2id hashes: long passphrases whole (bcrypt stopped at 72 bytes), old bcrypt hashes replaced at
 * the next login, an invitation used up only with the password it set and its token in no log, and the same work
 * for every login attempt, whatever the account.
 */
@IskraIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PasswordHashingTest {

    /** 48 Cyrillic letters and spaces: 90 bytes of UTF-8. */
    private static final String LONG = "широкая страна моя родная много в ней лесов полей";

    @Autowired
    StaffAccounts accounts;

    @Autowired
    StaffStore staff;

    @Autowired
    InvitationStore invitations;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void anInvitedTranslatorChoosesALongCyrillicPassphraseAndTheTokenReachesNoLog(CapturedOutput output) throws Exception {
        assertThat(LONG.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        String email = "long-" + UUID.randomUUID() + "@example.org";
        long id = staff.insertInvited(email, "Long Passphrase");
        staff.grant(id, new StaffRole(Role.TRANSLATOR, "ru"));
        String token = "T" + UUID.randomUUID().toString().replace("-", "") + "abcdefghij";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        invitations.replace(id, Invitations.hash(token), now.plusHours(1), now);

        StaffBrowser invitee = new StaffBrowser(port);
        HttpResponse<String> form = invitee.get("/admin/invitation/" + token);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Referrer-Policy").orElse("")).isEqualTo("no-referrer");
        String csrf = Jsoup.parse(form.body()).select("input[name=_csrf]").attr("value");
        HttpResponse<String> accepted = invitee.post("/admin/invitation/" + token, "_csrf=" + StaffBrowser.encode(csrf)
                + "&password=" + StaffBrowser.encode(LONG) + "&repeat=" + StaffBrowser.encode(LONG));
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("select password_hash from staff_user where id = ?").param(id).query(String.class).single())
                .startsWith("{argon2id}$argon2id$");
        assertThat(invitee.get("/admin/invitation/" + token).statusCode()).as("used up").isEqualTo(410);

        assertThat(StaffBrowser.location(new StaffBrowser(port).logIn(email, LONG))).endsWith("/admin/");
        // bcrypt would have let in anyone who had the first 72 bytes right
        String sameStart = LONG.substring(0, LONG.length() - 2) + "ий";
        assertThat(StaffBrowser.location(new StaffBrowser(port).logIn(email, sameStart))).endsWith("?error");
        assertThat(audit(id, "staff.invitation.accept")).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void aPasswordTheLinkRefusesLeavesTheLinkWorking() throws Exception {
        long id = staff.insertInvited("refused-" + UUID.randomUUID() + "@example.org", "Refused");
        String token = "R" + UUID.randomUUID().toString().replace("-", "") + "abcdefghij";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        invitations.replace(id, Invitations.hash(token), now.plusHours(1), now);
        StaffBrowser invitee = new StaffBrowser(port);
        String csrf = Jsoup.parse(invitee.get("/admin/invitation/" + token).body()).select("input[name=_csrf]").attr("value");
        HttpResponse<String> refused = invitee.post("/admin/invitation/" + token, "_csrf=" + StaffBrowser.encode(csrf)
                + "&password=short&repeat=short");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(HtmlChecker.errors(refused.body())).isEmpty();
        assertThat(invitee.get("/admin/invitation/" + token).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select used_at from staff_invitation where user_id = ?").param(id).query(OffsetDateTime.class)
                .optional()).isEmpty();
    }

    @Test
    void anOldBcryptHashBecomesArgon2idAtTheNextLogin() throws Exception {
        String email = "bcrypt-" + UUID.randomUUID() + "@example.org";
        long id = staff.insertInvited(email, "Old Hash");
        staff.grant(id, StaffRole.of(Role.AUTHOR));
        String password = "an older passphrase of mine";
        staff.setPassword(id, "{bcrypt}" + new BCryptPasswordEncoder().encode(password), OffsetDateTime.now(ZoneOffset.UTC));
        OffsetDateTime changed = jdbc.sql("select password_changed_at from staff_user where id = ?").param(id)
                .query(OffsetDateTime.class).single();

        assertThat(StaffBrowser.location(new StaffBrowser(port).logIn(email, password))).endsWith("/admin/");

        assertThat(jdbc.sql("select password_hash from staff_user where id = ?").param(id).query(String.class).single())
                .startsWith("{argon2id}");
        assertThat(jdbc.sql("select password_changed_at from staff_user where id = ?").param(id).query(OffsetDateTime.class)
                .single()).as("the password itself did not change").isEqualTo(changed);
        assertThat(StaffBrowser.location(new StaffBrowser(port).logIn(email, password))).endsWith("/admin/");
    }

    @Test
    void everyLoginAttemptChecksOnePasswordWhateverTheAccount() throws Exception {
        String enabled = "enabled-" + UUID.randomUUID() + "@example.org";
        accounts.create(enabled, "Enabled", "enabled passphrase 1", List.of(StaffRole.of(Role.EDITOR)));
        String disabled = "disabled-" + UUID.randomUUID() + "@example.org";
        accounts.create(disabled, "Disabled", "disabled passphrase 1", List.of(StaffRole.of(Role.EDITOR)));
        staff.setEnabled(accounts.idOf(disabled).orElseThrow(), false);
        String invited = "invited-" + UUID.randomUUID() + "@example.org";
        staff.insertInvited(invited, "Invited");

        // the first unknown address also hashes the stand-in password its check compares with, once per node
        new StaffBrowser(port).logIn("warm-up-" + UUID.randomUUID() + "@example.org", "any");
        for (String[] attempt : new String[][] {{enabled, "not the password"}, {disabled, "not the password"},
                {disabled, "disabled passphrase 1"}, {invited, "any password"}, {"nobody-" + UUID.randomUUID() + "@example.org", "any"}}) {
            long before = checks();
            HttpResponse<String> response = new StaffBrowser(port).logIn(attempt[0], attempt[1]);
            assertThat(StaffBrowser.location(response)).as(attempt[0]).endsWith("/admin/login?error");
            assertThat(checks() - before).as("password checks for " + attempt[0]).isEqualTo(1);
        }
    }

    private long checks() {
        return meters.get("iskra.login.password.checks").timer().count();
    }

    private int audit(long id, String action) {
        return jdbc.sql("select count(*) from audit_event where subject_type = 'staff_user' and subject_id = ? and action = ?")
                .params(String.valueOf(id), action).query(Integer.class).single();
    }
}
