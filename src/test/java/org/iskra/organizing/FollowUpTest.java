package org.iskra.organizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.privacy.Actor;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.testsupport.Await;
import org.iskra.testsupport.EmptyIskraTest;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.JobRuns;
import org.iskra.testsupport.MailServer;
import org.iskra.testsupport.StaffBrowser;
import org.iskra.testsupport.TestDatabase;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Organizers following up join requests over HTTP: the dashboard, the request page and its actions, who may see
 * what, the audit rows each read and change leaves, replies and deadline mail through a real mail server.
 */
@EmptyIskraTest
class FollowUpTest {

    private static final String PASSWORD = "follow-up passphrase for tests";
    @RegisterExtension
    static final MailServer mailServer = new MailServer();

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
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    FollowUp followUp;

    @Autowired
    PlatformTransactionManager transactions;

    private JoinRequestMother requests;
    private Section armenian;
    private Section georgian;
    private String run;

    @BeforeEach
    void setUp() {
        requests = new JoinRequestMother(jdbc, cipher, hash);
        run = UUID.randomUUID().toString().substring(0, 8);
        armenian = sections.create("am-" + run, "Armenian section " + run, "am-" + run + "@example.org", 48,
                List.of());
        georgian = sections.create("ge-" + run, "Georgian section " + run, "ge-" + run + "@example.org", 24, List.of());
    }

    @Test
    void theDashboardListsOnlyTheOrganizersSectionsAndAuditsEachListingOnce() throws Exception {
        var ours = requests.request(armenian, "AM", "hy");
        var theirs = requests.request(georgian, "GE", "ka");
        String organizer = user("organizer", Role.ORGANIZER, armenian.slug());
        StaffBrowser browser = logIn(organizer);

        HttpResponse<String> page = browser.get("/admin/join");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(ours.name()).doesNotContain(theirs.name());
        assertThat(Jsoup.parse(page.body()).select("a[href=/admin/join/" + ours.publicId() + "]")).hasSize(1);
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
        assertThat(audits(organizer, "join.list")).isEqualTo(1);

        var home = Jsoup.parse(browser.get("/admin/").body());
        assertThat(home.select("a[href=/admin/join]")).hasSize(1);
        assertThat(home.select("a[href=/admin/audit]")).isEmpty();

        HttpResponse<String> administrator = logIn(user("admin", Role.ADMINISTRATOR, "")).get("/admin/join");
        assertThat(administrator.body()).contains(ours.name(), theirs.name());
    }

    @Test
    void theDashboardFiltersByStatusAssigneeCountryAndConfirmationAndPutsOverdueFirst() throws Exception {
        var overdue = requests.request(armenian, "AM", "hy", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5));
        var fresh = requests.request(armenian, "RU", "ru");
        String organizer = user("organizer", Role.ORGANIZER, armenian.slug());
        StaffBrowser browser = logIn(organizer);

        String all = browser.get("/admin/join").body();
        assertThat(all.indexOf(overdue.name())).isLessThan(all.indexOf(fresh.name()));
        assertThat(browser.get("/admin/join?country=ru").body()).contains(fresh.name()).doesNotContain(overdue.name());
        assertThat(browser.get("/admin/join?confirmed=yes").body()).doesNotContain(fresh.name(), overdue.name());
        assertThat(browser.get("/admin/join?status=contacted").body()).doesNotContain(fresh.name());
        assertThat(browser.get("/admin/join?assignee=none").body()).contains(fresh.name());
        assertThat(browser.get("/admin/join?assignee=me").body()).doesNotContain(fresh.name());
        String colleague = user("colleague", Role.ORGANIZER, armenian.slug());
        jdbc.sql("update join_request set assignee_id = ? where public_id = ?").params(id(colleague), fresh.publicId()).update();
        String byColleague = browser.get("/admin/join?assignee=" + id(colleague)).body();
        assertThat(byColleague).contains(fresh.name()).doesNotContain(overdue.name());
        assertThat(Jsoup.parse(byColleague).select("select[name=assignee] option[selected]").text()).isEqualTo("colleague " + run);

        HttpResponse<String> bad = browser.get("/admin/join?status=lost");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Please choose one of the statuses");
        assertThat(browser.get("/admin/join?page=x").statusCode()).isEqualTo(400);
    }

    @Test
    void theRequestPageShowsThePersonalDataAndWritesExactlyOneAuditRow() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy");
        String organizer = user("organizer", Role.ORGANIZER, armenian.slug());

        HttpResponse<String> page = logIn(organizer).get("/admin/join/" + applicant.publicId());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(page.body()).contains(applicant.name(), applicant.email(), applicant.phone(), applicant.city(),
                applicant.message());
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
        assertThat(audits(organizer, "join.view")).isEqualTo(1);
        assertThat(jdbc.sql("select action from audit_event where subject_id = ?").param(applicant.publicId())
                .query(String.class).list()).containsExactly("join.view");
    }

    @Test
    void anAddressStoredWithCharactersAMailLinkWouldObeyIsEncodedInTheLink() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1),
                "victim?cc=attacker@example.org&subject=Hi#x");
        String organizer = user("organizer", Role.ORGANIZER, armenian.slug());

        HttpResponse<String> page = logIn(organizer).get("/admin/join/" + applicant.publicId());

        assertThat(page.statusCode()).isEqualTo(200);
        var link = Jsoup.parse(page.body()).select("a[href^=mailto:]");
        assertThat(link.attr("href")).isEqualTo("mailto:victim%3Fcc%3Dattacker@example.org%26subject%3DHi%23x");
        assertThat(link.text()).isEqualTo(applicant.email());
    }

    @Test
    void aSealedValueMovedIntoAnotherRequestNoLongerOpensThere() throws Exception {
        var anna = requests.request(armenian, "AM", "hy");
        var boris = requests.request(armenian, "AM", "hy");
        // someone with write access to the database, but not the key, moves Boris's address into Anna's request
        jdbc.sql("update join_request set email = (select email from join_request where public_id = ?) where public_id = ?")
                .params(boris.publicId(), anna.publicId()).update();
        String moved = jdbc.sql("select email from join_request where public_id = ?").param(anna.publicId())
                .query(String.class).single();

        assertThatThrownBy(() -> cipher.open(moved, ApplicantFields.EMAIL, anna.publicId()))
                .isInstanceOf(org.iskra.privacy.SealedValueException.class);
        HttpResponse<String> page = logIn(user("organizer", Role.ORGANIZER, armenian.slug())).get("/admin/join/" + anna.publicId());
        assertThat(page.statusCode()).as("the page refuses what it cannot trust").isNotEqualTo(200);
        assertThat(page.body()).doesNotContain(boris.email());
        assertThat(cipher.open(jdbc.sql("select email from join_request where public_id = ?").param(boris.publicId())
                .query(String.class).single(), ApplicantFields.EMAIL, boris.publicId())).isEqualTo(boris.email());
    }

    @Test
    void anOrganizerOfAnotherSectionGuessingTheAddressGetsNotFoundForThePageAndEveryAction() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy");
        String outsider = user("outsider", Role.ORGANIZER, georgian.slug());
        StaffBrowser browser = logIn(outsider);
        String token = browser.csrf("/admin/");
        String base = "/admin/join/" + applicant.publicId();
        long eventsBefore = events(applicant.publicId());

        HttpResponse<String> page = browser.get(base);
        HttpResponse<String> unknown = browser.get("/admin/join/" + UUID.randomUUID());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        // the same page as for an address that does not exist, but for the logout form's token, masked anew each time
        assertThat(page.body()).doesNotContain(applicant.name());
        assertThat(withoutTokens(page.body())).isEqualTo(withoutTokens(unknown.body()));
        Map<String, String> actions = Map.of(
                "/status", "status=spam",
                "/note", "note=" + StaffBrowser.encode("seen"),
                "/assign", "assignee=me",
                "/transfer", "section=" + georgian.id(),
                "/reply", "");
        for (var action : actions.entrySet()) {
            HttpResponse<String> response = browser.post(base + action.getKey(),
                    "_csrf=" + StaffBrowser.encode(token) + "&" + action.getValue());
            assertThat(response.statusCode()).as(action.getKey()).isEqualTo(404);
        }
        assertThat(events(applicant.publicId())).isEqualTo(eventsBefore);
        assertThat(jdbc.sql("select status from join_request where public_id = ?").param(applicant.publicId())
                .query(String.class).single()).isEqualTo("new");
        assertThat(jdbc.sql("select count(*) from audit_event where subject_id = ?").param(applicant.publicId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void statusNoteAndSelfAssignmentAreRecordedOnTheTimelineAndAudited() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy");
        String organizer = user("organizer", Role.ORGANIZER, armenian.slug());
        StaffBrowser browser = logIn(organizer);
        String base = "/admin/join/" + applicant.publicId();
        String token = browser.csrf(base);

        assertThat(browser.post(base + "/note", form(token, "note", "Called " + applicant.name())).statusCode()).isEqualTo(303);
        assertThat(browser.post(base + "/status", form(token, "status", "meeting_arranged")).statusCode()).isEqualTo(303);
        assertThat(browser.post(base + "/assign", form(token, "assignee", "me")).statusCode()).isEqualTo(303);

        String page = browser.get(base + "?done=assign").body();
        assertThat(page).contains("Called " + applicant.name(), "Meeting arranged", "The request was assigned.");
        assertThat(jdbc.sql("""
                        select e.note from join_event e join join_request r on r.id = e.request_id
                         where r.public_id = ? and e.note is not null""").param(applicant.publicId()).query(String.class).list())
                .singleElement().satisfies(sealed -> assertThat(sealed).startsWith("v2.").doesNotContain("Called"));
        assertThat(jdbc.sql("select detail from join_event where detail is not null").query(String.class).list())
                .noneMatch(detail -> detail.contains(applicant.name()));
        assertThat(audits(organizer, "join.note")).isEqualTo(1);
        assertThat(audits(organizer, "join.status")).isEqualTo(1);
        assertThat(audits(organizer, "join.assign")).isEqualTo(1);

        HttpResponse<String> empty = browser.post(base + "/note", form(token, "note", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Please write the note");
        assertThat(browser.post(base + "/status", form(token, "status", "lost")).statusCode()).isEqualTo(400);
    }

    @Test
    void aStatusChangeFromAStalePageKeepsTheNoteAnotherOrganizerAddedMeanwhile() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy");
        StaffBrowser first = logIn(user("first", Role.ORGANIZER, armenian.slug()));
        StaffBrowser second = logIn(user("second", Role.ORGANIZER, armenian.slug()));
        String base = "/admin/join/" + applicant.publicId();
        String staleToken = second.csrf(base);

        first.post(base + "/note", form(first.csrf(base), "note", "Meeting on Friday"));
        assertThat(second.post(base + "/status", form(staleToken, "status", "contacted")).statusCode()).isEqualTo(303);

        assertThat(first.get(base).body()).contains("Meeting on Friday", "Contacted");
    }

    @Test
    void ofTwoConcurrentStatusChangesTheSecondIsRefusedWithAConflictAndOnlyTheFirstIsRecorded() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy");
        String first = user("first", Role.ORGANIZER, armenian.slug());
        StaffBrowser second = logIn(user("second", Role.ORGANIZER, armenian.slug()));
        String base = "/admin/join/" + applicant.publicId();
        String token = second.csrf(base);
        CountDownLatch firstChanged = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        // the first organizer's change, held open before its commit: the row stays locked with the new status
        CompletableFuture<FollowUpOutcome> firstChange = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            Organizer organizer = Organizer.of(staff.find(first).orElseThrow());
            FollowUpOutcome outcome = followUp.changeStatus(applicant.publicId(), "contacted", organizer,
                    new Actor(organizer.id(), "127.0.0.1")).orElseThrow();
            firstChanged.countDown();
            await(commit);
            return outcome;
        }));
        await(firstChanged);
        // the second reads the request as it was committed (new) and waits for the row to change it to joined
        CompletableFuture<HttpResponse<String>> secondChange = CompletableFuture.supplyAsync(() -> {
            try {
                return second.post(base + "/status", form(token, "status", "joined"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("the second change waiting for the first one's row lock", this::anUpdateWaitsForALock);
        commit.countDown();

        assertThat(firstChange.get(20, TimeUnit.SECONDS)).isEqualTo(FollowUpOutcome.DONE);
        HttpResponse<String> refused = secondChange.get(20, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Someone else changed this request’s status meanwhile");
        assertThat(Jsoup.parse(refused.body()).select("select#status option[selected]").text()).isEqualTo("Contacted");
        assertThat(HtmlChecker.errors(refused.body())).isEmpty();
        assertThat(jdbc.sql("select status from join_request where public_id = ?").param(applicant.publicId())
                .query(String.class).single()).isEqualTo("contacted");
        assertThat(jdbc.sql("""
                        select e.detail from join_event e join join_request r on r.id = e.request_id
                         where r.public_id = ? and e.kind = 'status'""").param(applicant.publicId())
                .query(String.class).list()).containsExactly("from=new to=contacted");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'join.status' and subject_id = ?")
                .param(applicant.publicId()).query(Long.class).single()).isEqualTo(1);
    }

    /** Whether some session's update is blocked on a row lock another transaction holds. */
    private boolean anUpdateWaitsForALock() {
        if (TestDatabase.onPostgres()) {
            return jdbc.sql("""
                            select count(*) from pg_stat_activity
                             where wait_event_type = 'Lock' and query like 'update join_request set status%'""")
                    .query(Long.class).single() > 0;
        }
        return jdbc.sql("select count(*) from information_schema.sessions where blocker_id is not null")
                .query(Long.class).single() > 0;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other change");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    @Test
    void onlyLeadsAndAdministratorsAssignOthers() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy");
        String base = "/admin/join/" + applicant.publicId();
        StaffBrowser organizer = logIn(user("organizer", Role.ORGANIZER, armenian.slug()));
        String colleague = user("colleague", Role.ORGANIZER, armenian.slug());
        String lead = user("lead", Role.ORGANIZER, armenian.slug());
        jdbc.sql("insert into section_lead (section_id, user_id) values (?, ?)").params(armenian.id(), id(lead)).update();
        StaffBrowser leader = logIn(lead);

        HttpResponse<String> refused = organizer.post(base + "/assign",
                form(organizer.csrf(base), "assignee", String.valueOf(id(colleague))));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Only the section");

        assertThat(leader.post(base + "/assign", form(leader.csrf(base), "assignee", String.valueOf(id(colleague))))
                .statusCode()).isEqualTo(303);
        assertThat(assignee(applicant.publicId())).isEqualTo(id(colleague));
        String leadsPage = leader.get(base).body();
        assertThat(Jsoup.parse(leadsPage).select("select[name=assignee] option")).hasSize(4);
        assertThat(HtmlChecker.errors(leadsPage)).isEmpty();

        String outsider = user("outsider", Role.ORGANIZER, georgian.slug());
        assertThat(leader.post(base + "/assign", form(leader.csrf(base), "assignee", String.valueOf(id(outsider))))
                .statusCode()).isEqualTo(400);
        assertThat(assignee(applicant.publicId())).isEqualTo(id(colleague));
    }

    @Test
    void aTransferMovesTheRequestToTheOtherSectionWithItsDeadline() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy");
        String base = "/admin/join/" + applicant.publicId();
        StaffBrowser organizer = logIn(user("organizer", Role.ORGANIZER, armenian.slug()));
        StaffBrowser other = logIn(user("other", Role.ORGANIZER, georgian.slug()));

        HttpResponse<String> moved = organizer.post(base + "/transfer", form(organizer.csrf(base), "section", String.valueOf(georgian.id())));

        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(moved.headers().firstValue("Location")).hasValue("/admin/join?done=transfer");
        OffsetDateTime due = jdbc.sql("select due_at from join_request where public_id = ?").param(applicant.publicId())
                .query(OffsetDateTime.class).single();
        assertThat(Duration.between(OffsetDateTime.now(ZoneOffset.UTC).plusHours(24), due).abs()).isLessThan(Duration.ofMinutes(5));
        assertThat(organizer.get(base).statusCode()).isEqualTo(404);
        assertThat(other.get(base).body()).contains(applicant.name(), "Transferred");
    }

    @Test
    void aReplyGoesToTheApplicantInTheirLanguageAndMarksTheRequestContacted() throws Exception {
        var russian = requests.request(armenian, "AM", "ru");
        var spanish = requests.request(armenian, "AM", "es");
        jdbc.sql("insert into section_reply_template (section_id, language, subject, body) values (?, 'ru', ?, ?)")
                .params(armenian.id(), "Спасибо, {name}", "Здравствуйте, {name}! Пишет {section}.").update();
        StaffBrowser organizer = logIn(user("organizer", Role.ORGANIZER, armenian.slug()));

        for (var applicant : List.of(russian, spanish)) {
            String base = "/admin/join/" + applicant.publicId();
            assertThat(organizer.post(base + "/reply", form(organizer.csrf(base), "x", "")).statusCode()).isEqualTo(303);
            assertThat(jdbc.sql("select status from join_request where public_id = ?").param(applicant.publicId())
                    .query(String.class).single()).isEqualTo("contacted");
        }

        MimeMessage toRussian = awaitOne(russian.email());
        assertThat(toRussian.getSubject()).isEqualTo("Спасибо, " + russian.name());
        assertThat(toRussian.getContent().toString()).contains("Здравствуйте, " + russian.name(), armenian.name());
        MimeMessage toSpanish = awaitOne(spanish.email());
        assertThat(toSpanish.getContentLanguage()).containsExactly("es");
        assertThat(toSpanish.getContent().toString()).contains(spanish.name()).doesNotContain("{name}");
    }

    @Test
    void anUnansweredRequestRemindsItsOrganizersOnceThenEscalatesToLeadsAndAdministratorsOnce() throws Exception {
        String organizer = user("organizer", Role.ORGANIZER, armenian.slug());
        String lead = user("lead", Role.ORGANIZER, armenian.slug());
        jdbc.sql("insert into section_lead (section_id, user_id) values (?, ?)").params(armenian.id(), id(lead)).update();
        String admin = user("admin", Role.ADMINISTRATOR, "");
        var late = requests.request(armenian, "AM", "hy", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));

        Await.until("a reminder", () -> !messagesTo(organizer, late.publicId()).isEmpty());
        MimeMessage reminder = messagesTo(organizer, late.publicId()).get(0);
        assertThat(reminder.getContent().toString()).doesNotContain(late.name(), late.email());
        assertThat(messagesTo(admin, late.publicId())).isEmpty();

        // a second response period (48 hours) after the deadline
        jdbc.sql("update join_request set due_at = ? where public_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusHours(49), late.publicId()).update();
        Await.until("an escalation", () -> !messagesTo(admin, late.publicId()).isEmpty()
                && !messagesTo(lead, late.publicId()).isEmpty());
        // a few more rounds of the job, and of the mail worker after it: none may send again
        JobRuns.of(meters, Deadlines.class.getName(), "check").awaitMore(2);
        JobRuns.of(meters, "org.iskra.mail.OutboxSender", "poll").awaitMore(2);

        assertThat(messagesTo(organizer, late.publicId())).hasSize(1);
        assertThat(messagesTo(admin, late.publicId())).hasSize(1);
        assertThat(messagesTo(lead, late.publicId())).hasSize(2);
        assertThat(jdbc.sql("""
                        select e.kind from join_event e join join_request r on r.id = e.request_id
                         where r.public_id = ? order by e.id""").param(late.publicId()).query(String.class).list())
                .containsExactly("received", "reminded", "escalated");
    }

    @Test
    void aTransferredRequestPastItsNewDeadlineRemindsTheNewSection() throws Exception {
        String first = user("first", Role.ORGANIZER, armenian.slug());
        String second = user("second", Role.ORGANIZER, georgian.slug());
        var late = requests.request(armenian, "AM", "hy", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        Await.until("a reminder", () -> !messagesTo(first, late.publicId()).isEmpty());
        StaffBrowser browser = logIn(first);
        String base = "/admin/join/" + late.publicId();
        browser.post(base + "/transfer", form(browser.csrf(base), "section", String.valueOf(georgian.id())));

        jdbc.sql("update join_request set due_at = ? where public_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), late.publicId()).update();

        Await.until("a reminder to the new section", () -> !messagesTo(second, late.publicId()).isEmpty());
        assertThat(messagesTo(first, late.publicId())).hasSize(1);
    }

    @Test
    void badFiltersAreRefusedInTheUsersLanguage() throws Exception {
        StaffBrowser browser = logIn(user("organizer", Role.ORGANIZER, armenian.slug()));

        HttpResponse<String> russian = browser.get("/admin/join?country=Armenia", "Accept-Language", "ru");

        assertThat(russian.statusCode()).isEqualTo(400);
        assertThat(russian.body()).contains("Укажите страну двухбуквенным кодом ISO");
        assertThat(HtmlChecker.errors(russian.body())).isEmpty();
    }

    @Test
    void administratorsReadTheAuditLogNewestFirstAndFilterIt() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy");
        String organizer = user("organizer", Role.ORGANIZER, armenian.slug());
        logIn(organizer).get("/admin/join/" + applicant.publicId());
        StaffBrowser admin = logIn(user("admin", Role.ADMINISTRATOR, ""));
        admin.get("/admin/join");

        HttpResponse<String> log = admin.get("/admin/audit");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(HtmlChecker.errors(log.body())).isEmpty();
        var rows = Jsoup.parse(log.body()).select("tbody tr");
        assertThat(rows.get(0).text()).contains("join.list");
        // logins and second-factor changes are audited too: the administrator's own came between the read and the list
        var reads = rows.stream().skip(1).filter(row -> !row.text().contains(" staff.")).toList();
        assertThat(rows.get(1).text()).contains("staff.");
        assertThat(reads.get(0).text()).contains("join.view", applicant.publicId(), organizer);

        String filtered = admin.get("/admin/audit?actor=" + StaffBrowser.encode(organizer) + "&action=join.view&subject="
                + applicant.publicId() + "&from=2020-01-01&to=2100-01-01").body();
        assertThat(Jsoup.parse(filtered).select("tbody tr")).hasSize(1);
        assertThat(Jsoup.parse(admin.get("/admin/audit?action=join.note&actor=" + StaffBrowser.encode(organizer)).body()).select("tbody tr")).isEmpty();

        HttpResponse<String> bad = admin.get("/admin/audit?from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("year-month-day");
        assertThat(logIn(organizer).get("/admin/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void anOrganizerExportsTheirSectionAsCsvAuditedAndNobodyElsesSection() throws Exception {
        var applicant = requests.request(armenian, "AM", "hy");
        jdbc.sql("update join_request set message = ? where public_id = ?")
                .params(cipher.seal("=HYPERLINK(\"http://evil\")", ApplicantFields.MESSAGE, applicant.publicId()),
                        applicant.publicId()).update();
        String organizer = user("organizer", Role.ORGANIZER, armenian.slug());
        StaffBrowser browser = logIn(organizer);

        String csrf = "_csrf=" + StaffBrowser.encode(browser.csrf("/admin/"));
        HttpResponse<String> link = browser.get("/admin/join/export?section=" + armenian.id());
        assertThat(link.statusCode()).as("a link cannot export: only a POST with the CSRF token").isNotEqualTo(200);
        assertThat(link.body()).doesNotContain(applicant.name());
        assertThat(browser.confirmingAgain(false).post("/admin/join/export", csrf + "&section=" + armenian.id()).body())
                .as("only after confirming who they are").contains("data-reauthenticate").doesNotContain(applicant.name());
        HttpResponse<String> csv = browser.confirmingAgain(true).post("/admin/join/export", csrf + "&section=" + armenian.id());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(csv.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("id,received,country");
        assertThat(lines[1]).contains(applicant.publicId(), applicant.name(), applicant.email(), "\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(jdbc.sql("select detail from audit_event a join staff_user u on u.id = a.actor_id where u.email = ? and a.action = 'join.export'")
                .param(organizer).query(String.class).list()).containsExactly("rows=1");

        assertThat(browser.post("/admin/join/export", csrf + "&section=" + georgian.id()).statusCode()).isEqualTo(404);
        assertThat(browser.post("/admin/join/export", csrf + "&section=x").statusCode()).isEqualTo(404);
    }

    @Test
    void theDashboardAndTheGaugesShowRequestsPerDayTimeToFirstContactAndOverdueRequests() throws Exception {
        var answered = requests.request(armenian, "AM", "hy");
        requests.request(armenian, "AM", "hy", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        String organizer = user("organizer", Role.ORGANIZER, armenian.slug());
        OffsetDateTime received = jdbc.sql("select created_at from join_request where public_id = ?")
                .param(answered.publicId()).query(OffsetDateTime.class).single();
        jdbc.sql("""
                        insert into join_event (request_id, kind, actor_id, detail, created_at)
                        select id, 'status', ?, 'from=new to=contacted', ? from join_request where public_id = ?""")
                .params(id(organizer), received.plusHours(3), answered.publicId()).update();

        String page = logIn(organizer).get("/admin/join").body();

        var figures = Jsoup.parse(page).select("dl.terms dd").eachText();
        assertThat(figures).containsExactly("1", "3 h", "3 h");
        assertThat(Jsoup.parse(page).select("#per-day tbody tr").last().text()).endsWith("2");
        assertThat(meters.get("iskra.join.overdue").gauge().value()).isGreaterThanOrEqualTo(1);
        // every request of this test class counts here, most of them contacted at once
        assertThat(meters.get("iskra.join.first_contact.p90").gauge().value()).isNotNaN().isGreaterThanOrEqualTo(0);
        assertThat(meters.get("iskra.join.received.last_day").gauge().value()).isGreaterThanOrEqualTo(2);
    }

    private String user(String who, Role role, String scope) {
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.create(email, who + " " + run, PASSWORD, List.of(new StaffRole(role, scope)));
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

    private long audits(String email, String action) {
        return jdbc.sql("select count(*) from audit_event a join staff_user u on u.id = a.actor_id where u.email = ? and a.action = ?")
                .params(email, action).query(Long.class).single();
    }

    private long events(String publicId) {
        return jdbc.sql("select count(*) from join_event e join join_request r on r.id = e.request_id where r.public_id = ?")
                .param(publicId).query(Long.class).single();
    }

    private Long assignee(String publicId) {
        return jdbc.sql("select assignee_id from join_request where public_id = ?").param(publicId).query(Long.class).single();
    }

    private static String form(String token, String name, String value) {
        return "_csrf=" + StaffBrowser.encode(token) + "&" + name + "=" + StaffBrowser.encode(value);
    }

    private static MimeMessage awaitOne(String recipient) {
        Await.until("a message to " + recipient, () -> !messagesTo(recipient, null).isEmpty());
        List<MimeMessage> received = messagesTo(recipient, null);
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

    private static String withoutTokens(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
    }
}
