package org.iskra.organizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.mail.Outbox;
import org.iskra.mail.OutgoingMail;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.testsupport.EmptyIskraTest;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.StaffBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention erases exactly the requests whose period ran out: closed ones (not interested, unreachable, spam) a
 * section's period after they were closed, new ones never confirmed a period after they arrived; requests someone
 * works on never. The periods are per section, set on the section's page, and the pages say when a request goes.
 */
@EmptyIskraTest
class RetentionTest {

    private static final String PASSWORD = "retention passphrase for tests";

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

    @Autowired
    Retention retention;

    @Autowired
    Outbox outbox;

    @Autowired
    PlatformTransactionManager transactions;

    private JoinRequestMother requests;
    private OffsetDateTime now;
    private Section defaults;
    private Section brief;

    @BeforeEach
    void setUp() {
        requests = new JoinRequestMother(jdbc, cipher, hash);
        now = OffsetDateTime.now(ZoneOffset.UTC);
        String run = UUID.randomUUID().toString().substring(0, 8);
        defaults = sections.create("rd-" + run, "Default periods " + run, "rd-" + run + "@example.org", 48, List.of());
        brief = sections.create("rb-" + run, "Brief periods " + run, "rb-" + run + "@example.org", 48, List.of());
        jdbc.sql("update section set closed_retention_days = 10, unconfirmed_retention_days = 3 where id = ?")
                .param(brief.id()).update();
    }

    @Test
    void retentionErasesExactlyTheClosedAndUnconfirmedRequestsWhosePeriodRanOut() {
        var spamJustOut = closed(defaults, "spam", now.minusDays(180).minusHours(1));
        var notInterestedJustIn = closed(defaults, "not_interested", now.minusDays(180).plusHours(1));
        var unreachableNoEvent = request(defaults, "unreachable", false, now.minusDays(181));
        var unconfirmedJustOut = request(defaults, "new", false, now.minusDays(30).minusHours(1));
        var unconfirmedJustIn = request(defaults, "new", false, now.minusDays(30).plusHours(1));
        var confirmedOld = request(defaults, "new", true, now.minusDays(400));
        var contactedUnconfirmedOld = request(defaults, "contacted", false, now.minusDays(400));
        var joinedOld = closedAt(request(defaults, "joined", true, now.minusDays(400)), now.minusDays(399));
        var briefClosedOut = closed(brief, "spam", now.minusDays(10).minusHours(1));
        var briefClosedIn = closed(brief, "unreachable", now.minusDays(10).plusHours(1));
        var briefUnconfirmedOut = request(brief, "new", false, now.minusDays(3).minusHours(1));
        var briefUnconfirmedIn = request(brief, "new", false, now.minusDays(3).plusHours(1));
        long mail = queueMailTo(spamJustOut.email());

        retention.purge();

        for (var gone : List.of(spamJustOut, unreachableNoEvent, unconfirmedJustOut, briefClosedOut, briefUnconfirmedOut)) {
            assertThat(name(gone)).as("%s is erased", gone.publicId()).isNull();
            assertThat(jdbc.sql("""
                            select e.detail from join_event e join join_request r on r.id = e.request_id
                             where r.public_id = ? and e.kind = 'erased'""")
                    .param(gone.publicId()).query(String.class).list()).containsExactly("by=retention");
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'join.erase' and subject_id = ? and actor_id is null and detail = 'by=retention'")
                    .param(gone.publicId()).query(Long.class).single()).isEqualTo(1);
        }
        for (var kept : List.of(notInterestedJustIn, unconfirmedJustIn, confirmedOld, contactedUnconfirmedOld, joinedOld,
                briefClosedIn, briefUnconfirmedIn)) {
            assertThat(cipher.open(name(kept), ApplicantFields.NAME, kept.publicId())).as("%s is kept", kept.publicId())
                    .isEqualTo(kept.name());
        }
        assertThat(jdbc.sql("select status from outbox_message where id = ?").param(mail).query(String.class).single())
                .isEqualTo("cancelled");
        assertThat(jdbc.sql("select recipient from outbox_message where id = ?").param(mail).query(String.class).optional()
                .orElse(null)).isNull();

        retention.purge();
        assertThat(jdbc.sql("select count(*) from join_event e join join_request r on r.id = e.request_id where r.public_id = ? and e.kind = 'erased'")
                .param(spamJustOut.publicId()).query(Long.class).single()).as("erased once").isEqualTo(1);
    }

    @Test
    void theRequestPageAndTheDashboardSayWhenARequestWillBeErased() throws Exception {
        var unconfirmed = request(brief, "new", false, now.minusDays(1));
        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.create(admin, "Administrator", PASSWORD, List.of(new StaffRole(Role.ADMINISTRATOR, "")));
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(admin, PASSWORD);

        HttpResponse<String> page = browser.get("/admin/join/" + unconfirmed.publicId());
        String purge = OffsetDateTime.parse(jdbc.sql("select created_at from join_request where public_id = ?")
                .param(unconfirmed.publicId()).query(OffsetDateTime.class).single().toString()).plusDays(3)
                .toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        assertThat(page.body()).contains("Personal data erased on", "datetime=\"" + purge + "\"");
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
        HttpResponse<String> dashboard = browser.get("/admin/join?country=LS");
        assertThat(dashboard.body()).contains("datetime=\"" + purge + "\"");
        assertThat(HtmlChecker.errors(dashboard.body())).isEmpty();
    }

    @Test
    void anAdministratorSetsTheSectionsPeriodsOnItsPageAndBadPeriodsAreRefused() throws Exception {
        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.create(admin, "Administrator", PASSWORD, List.of(new StaffRole(Role.ADMINISTRATOR, "")));
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(admin, PASSWORD);
        String base = "/admin/sections/" + defaults.id();
        HttpResponse<String> page = browser.get(base);
        assertThat(page.body()).contains("name=\"closedRetentionDays\"", "value=\"180\"", "value=\"30\"");
        String form = "_csrf=" + StaffBrowser.encode(browser.csrf(base)) + "&name=" + StaffBrowser.encode(defaults.name())
                + "&contactEmail=" + StaffBrowser.encode(defaults.contactEmail()) + "&responseHours=48&countries=";

        assertThat(browser.post(base, form + "&closedRetentionDays=90&unconfirmedRetentionDays=14").statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("select closed_retention_days, unconfirmed_retention_days from section where id = ?")
                .param(defaults.id()).query((rs, n) -> rs.getInt(1) + "/" + rs.getInt(2)).single()).isEqualTo("90/14");

        HttpResponse<String> bad = browser.post(base, form + "&closedRetentionDays=0&unconfirmedRetentionDays=14");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Please enter the retention periods as whole numbers of days, at least 1.");
        assertThat(browser.post(base, form + "&closedRetentionDays=x&unconfirmedRetentionDays=14").statusCode()).isEqualTo(400);
    }

    private JoinRequestMother.Applicant closed(Section section, String status, OffsetDateTime closedAt) {
        return closedAt(request(section, status, true, closedAt.minusDays(5)), closedAt);
    }

    private JoinRequestMother.Applicant closedAt(JoinRequestMother.Applicant applicant, OffsetDateTime at) {
        jdbc.sql("""
                        insert into join_event (request_id, kind, detail, created_at)
                        select id, 'status', 'from=new to=' || status, ? from join_request where public_id = ?""")
                .params(at, applicant.publicId()).update();
        return applicant;
    }

    private JoinRequestMother.Applicant request(Section section, String status, boolean confirmed, OffsetDateTime createdAt) {
        // from a country no other test's requests come from: the dashboard filtered by it lists this test's alone
        var applicant = requests.request(section, "LS", "hy");
        jdbc.sql("update join_request set status = ?, created_at = ?, confirmed_at = ? where public_id = ?")
                .params(status, createdAt, confirmed ? createdAt.plusHours(1) : null, applicant.publicId()).update();
        return applicant;
    }

    private String name(JoinRequestMother.Applicant applicant) {
        return jdbc.sql("select name from join_request where public_id = ?").param(applicant.publicId())
                .query(String.class).optional().orElse(null);
    }

    private long queueMailTo(String email) {
        return new TransactionTemplate(transactions).execute(status ->
                outbox.enqueue(new OutgoingMail("test.retention", email, "Subject", "Body", "en")));
    }
}
