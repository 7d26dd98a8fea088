package org.iskra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who was given access, and who came in: role changes, disabling and enabling, ended sessions, logins and failed
 * logins are audit rows naming the account by id and the administrator who acted, never an address typed.
 */
@IskraIntegrationTest
class StaffAuditTest {

    private static final String PASSWORD = "staff audit passphrase";

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void whatAdministratorsDoToAccountsAndEveryLoginIsAudited() throws Exception {
        String adminEmail = "audit-admin-" + UUID.randomUUID() + "@example.org";
        accounts.create(adminEmail, "Audit Admin", PASSWORD, List.of(StaffRole.of(Role.ADMINISTRATOR)));
        long adminId = accounts.idOf(adminEmail).orElseThrow();
        String email = "audited-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Audited", PASSWORD, List.of(StaffRole.of(Role.AUTHOR)));
        long id = accounts.idOf(email).orElseThrow();

        assertThat(StaffBrowser.location(new StaffBrowser(port).logIn(email, "wrong password here"))).endsWith("?error");
        String typo = "no-such-" + UUID.randomUUID() + "@example.org";
        new StaffBrowser(port).logIn(typo, "wrong password here");
        new StaffBrowser(port).logIn(email, PASSWORD);

        StaffBrowser admin = new StaffBrowser(port);
        admin.logIn(adminEmail, PASSWORD);
        String token = StaffBrowser.encode(Jsoup.parse(admin.get("/admin/users/" + id).body()).select("input[name=_csrf]").attr("value"));
        assertThat(admin.post("/admin/users/" + id + "/roles", "_csrf=" + token + "&role=EDITOR").statusCode()).isEqualTo(303);
        assertThat(admin.post("/admin/users/" + id + "/sessions", "_csrf=" + token).statusCode()).isEqualTo(303);
        assertThat(admin.post("/admin/users/" + id + "/disable", "_csrf=" + token).statusCode()).isEqualTo(303);
        assertThat(admin.post("/admin/users/" + id + "/enable", "_csrf=" + token).statusCode()).isEqualTo(303);

        assertThat(rows(id)).containsExactly(
                "staff.login.failed null step=password",
                "staff.login " + id + " factor=none",
                "staff.roles " + adminId + " from=AUTHOR to=EDITOR",
                "staff.sessions.end " + adminId + " by=administrator",
                "staff.disable " + adminId + " null",
                "staff.enable " + adminId + " null");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'staff.login.failed' and subject_id is null")
                .query(Integer.class).single()).as("the unknown address, named nowhere").isPositive();
        assertThat(jdbc.sql("select count(*) from audit_event where detail like ? or subject_id like ?")
                .params("%" + typo + "%", "%" + typo + "%").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'staff.reauthenticate' and actor_id = ?")
                .param(adminId).query(Integer.class).single()).as("the role change asked who the administrator was").isEqualTo(1);
    }

    private List<String> rows(long id) {
        return jdbc.sql("""
                        select action, actor_id, detail from audit_event
                         where subject_type = 'staff_user' and subject_id = ? and action <> 'staff.reauthenticate' order by seq""")
                .param(String.valueOf(id))
                .query((rs, n) -> rs.getString("action") + " " + rs.getObject("actor_id") + " " + rs.getString("detail"))
                .list();
    }
}
