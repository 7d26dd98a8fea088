package org.iskra.organizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.testsupport.EmptyIskraTest;
import org.iskra.testsupport.StaffBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organizer reads the requests of their own sections and nothing else, whatever address, filter or form they
 * try; and every read of personal data leaves exactly one audit row.
 */
@EmptyIskraTest
class LeastPrivilegeTest {

    private static final String PASSWORD = "least privilege passphrase for tests";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    KeyedHash hash;

    @Autowired
    Sections sections;

    @Autowired
    StaffAccounts staff;

    private JoinRequestMother requests;
    private Section armenian;
    private Section georgian;
    private String run;

    @BeforeEach
    void setUp() {
        requests = new JoinRequestMother(jdbc, cipher, hash);
        run = UUID.randomUUID().toString().substring(0, 8);
        armenian = sections.create("lp-am-" + run, "Armenian " + run, "am-" + run + "@example.org", 48, List.of());
        georgian = sections.create("lp-ge-" + run, "Georgian " + run, "ge-" + run + "@example.org", 48, List.of());
    }

    @Test
    void anOrganizerOfAnotherSectionReachesNoRequestOfThisOneByAnyAddressListingFilterOrForm() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy");
        String insider = user(Role.ORGANIZER, armenian.slug());
        String outsider = user(Role.ORGANIZER, georgian.slug());
        StaffBrowser browser = logIn(outsider);
        String csrf = "_csrf=" + StaffBrowser.encode(browser.csrf("/admin/"));
        String base = "/admin/join/" + applicant.publicId();
        String statusBefore = status(applicant.publicId());

        assertThat(browser.get(base).statusCode()).isEqualTo(404);
        for (var action : Map.of("/status", "&status=spam", "/note", "&note=seen", "/assign", "&assignee=me",
                "/transfer", "&section=" + georgian.id(), "/reply", "").entrySet()) {
            assertThat(browser.post(base + action.getKey(), csrf + action.getValue()).statusCode())
                    .as(action.getKey()).isEqualTo(404);
        }
        HttpResponse<String> csv = browser.post("/admin/join/export", csrf + "&section=" + armenian.id());
        assertThat(csv.statusCode()).isEqualTo(404);
        assertThat(csv.body()).doesNotContain(applicant.name());
        String address = csrf + "&email=" + StaffBrowser.encode(applicant.email());
        assertThat(browser.get("/admin/privacy/subjects").statusCode()).isEqualTo(403);
        for (String path : List.of("/admin/privacy/subjects", "/admin/privacy/subjects/export",
                "/admin/privacy/subjects/erase")) {
            HttpResponse<String> response = browser.post(path, address + "&format=json&confirm=yes");
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).doesNotContain(applicant.name());
        }
        for (String listing : List.of("/admin/join", "/admin/join?country=AM", "/admin/join?status=new",
                "/admin/join?confirmed=no", "/admin/join?assignee=none", "/admin/join?assignee=" + id(insider),
                "/admin/join?page=2")) {
            HttpResponse<String> page = browser.get(listing);
            assertThat(page.statusCode()).as(listing).isEqualTo(200);
            assertThat(page.body()).as(listing).doesNotContain(applicant.name(), applicant.publicId(), armenian.name());
        }

        assertThat(status(applicant.publicId())).isEqualTo(statusBefore);
        assertThat(name(applicant.publicId())).as("nothing was erased").isNotNull();
        assertThat(jdbc.sql("select count(*) from audit_event where subject_id = ?").param(applicant.publicId())
                .query(Long.class).single()).as("nothing of the request was read").isZero();
        assertThat(audits(outsider)).containsOnly("join.list");
    }

    @Test
    void eachReadOfPersonalDataWritesExactlyOneAuditRow() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy");
        requests.request(armenian, "AM", "hy");
        String organizer = user(Role.ORGANIZER, armenian.slug());
        StaffBrowser browser = logIn(organizer);

        assertThat(browser.get("/admin/join/" + applicant.publicId()).statusCode()).isEqualTo(200);
        assertThat(audits(organizer)).containsExactly("join.view");
        assertThat(browser.get("/admin/join?country=AM").statusCode()).isEqualTo(200);
        assertThat(audits(organizer)).containsExactly("join.view", "join.list");
        assertThat(browser.post("/admin/join/export", "_csrf=" + StaffBrowser.encode(browser.csrf("/admin/"))
                + "&section=" + armenian.id()).statusCode()).isEqualTo(200);
        assertThat(audits(organizer)).containsExactly("join.view", "join.list", "join.export");

        String administrator = user(Role.ADMINISTRATOR, "");
        StaffBrowser admin = logIn(administrator);
        String address = "_csrf=" + StaffBrowser.encode(admin.csrf("/admin/privacy/subjects")) + "&email="
                + StaffBrowser.encode(applicant.email());
        HttpResponse<String> export = admin.post("/admin/privacy/subjects/export", address + "&format=json");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains(applicant.name());
        assertThat(audits(administrator)).containsExactly("subject.export");
    }

    private String user(Role role, String scope) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.create(email, role.name() + " " + run, PASSWORD, List.of(new StaffRole(role, scope)));
        return email;
    }

    private long id(String email) {
        return staff.find(email).orElseThrow().id();
    }

    private StaffBrowser logIn(String email) throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        assertThat(browser.logIn(email, PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/admin/");
        return browser;
    }

    /** The actions of the audit rows this user left, oldest first. */
    /** What the user did to personal data; their own logins and confirmations (staff.*) are audited beside. */
    private List<String> audits(String email) {
        return jdbc.sql("""
                        select a.action from audit_event a join staff_user u on u.id = a.actor_id
                         where u.email = ? and a.action not like 'staff.%' order by a.id""")
                .param(email).query(String.class).list();
    }

    private String status(String publicId) {
        return jdbc.sql("select status from join_request where public_id = ?").param(publicId).query(String.class).single();
    }

    private String name(String publicId) {
        return jdbc.sql("select name from join_request where public_id = ?").param(publicId).query(String.class)
                .optional().orElse(null);
    }
}
