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
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.testsupport.EmptyIskraTest;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Administrators shaping sections over HTTP: settings and countries, organizers and leads, replies, deletion. */
@EmptyIskraTest
class SectionAdminTest {

    private static final String PASSWORD = "section admin passphrase for tests";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts staff;

    @Autowired
    Sections sections;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    KeyedHash hash;

    private StaffBrowser admin;
    private String token;

    @BeforeEach
    void logIn() throws Exception {
        String email = "admin-" + UUID.randomUUID() + "@example.org";
        staff.create(email, "Admin", PASSWORD, List.of(StaffRole.of(Role.ADMINISTRATOR)));
        admin = new StaffBrowser(port);
        admin.logIn(email, PASSWORD);
        token = admin.csrf("/admin/sections");
    }

    @Test
    void anAdministratorCreatesASectionThatRoutesItsCountriesAndEditsIt() throws Exception {
        String slug = "s" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = admin.post("/admin/sections", form("slug", slug, "name", "Mongolian section",
                "contactEmail", "mn@example.org", "responseHours", "24", "countries", "mn, kg"));

        assertThat(created.statusCode()).isEqualTo(303);
        Section section = sections.route("MN");
        assertThat(section.slug()).isEqualTo(slug);
        assertThat(sections.route("KG").slug()).isEqualTo(slug);
        HttpResponse<String> list = admin.get("/admin/sections?done=created");
        assertThat(list.body()).contains("Mongolian section", "The section was created.");
        assertThat(HtmlChecker.errors(list.body())).isEmpty();

        HttpResponse<String> saved = admin.post("/admin/sections/" + section.id(), form("name", "Mongolian section",
                "contactEmail", "mn@example.org", "responseHours", "12", "countries", "MN"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(sections.find(section.id()).orElseThrow().responseHours()).isEqualTo(12);
        assertThat(sections.route("KG").fallback()).isTrue();
        HttpResponse<String> page = admin.get("/admin/sections/" + section.id());
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where action in ('section.create', 'section.update') and subject_id = ?")
                .param(slug).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aCountryBelongsToOneSectionOnlyAndBadInputIsRefusedWithAMessage() throws Exception {
        sections.create("a" + UUID.randomUUID().toString().substring(0, 8), "First", "first@example.org", 48, List.of("UY"));

        HttpResponse<String> taken = admin.post("/admin/sections", form("slug", "second-" + UUID.randomUUID().toString().substring(0, 6),
                "name", "Second", "contactEmail", "second@example.org", "responseHours", "48", "countries", "UY"));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("already covered by another section");
        assertThat(HtmlChecker.errors(taken.body())).isEmpty();

        for (String[] bad : List.of(
                new String[] {"slug", "Bad Slug", "short name may have only"},
                new String[] {"countries", "XX", "two-letter ISO codes"},
                new String[] {"responseHours", "0", "whole number of hours"},
                new String[] {"contactEmail", "nobody", "valid email"})) {
            String[] fields = {"slug", "third", "name", "Third", "contactEmail", "third@example.org", "responseHours", "48",
                    "countries", ""};
            for (int i = 0; i < fields.length; i += 2) {
                if (fields[i].equals(bad[0])) {
                    fields[i + 1] = bad[1];
                }
            }
            HttpResponse<String> response = admin.post("/admin/sections", form(fields));
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.body()).as(bad[0]).contains(bad[2]);
        }
    }

    @Test
    void organizersAndLeadsAreGrantedAndRevokedFromTheSectionPage() throws Exception {
        Section section = sections.create("o" + UUID.randomUUID().toString().substring(0, 8), "Organized", "o@example.org", 48, List.of());
        String email = "organizer-" + UUID.randomUUID() + "@example.org";
        long id = staff.create(email, "Organizer", PASSWORD, List.of()).id();
        String base = "/admin/sections/" + section.id() + "/organizers";

        assertThat(admin.post(base, form("email", email)).statusCode()).isEqualTo(303);
        assertThat(staff.find(email).orElseThrow().scopes(Role.ORGANIZER)).containsExactly(section.slug());
        assertThat(admin.post(base, form("lead", String.valueOf(id))).statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from section_lead where section_id = ? and user_id = ?")
                .params(section.id(), id).query(Long.class).single()).isEqualTo(1);
        String page = admin.get("/admin/sections/" + section.id()).body();
        assertThat(Jsoup.parse(page).select("button[name=unlead]")).hasSize(1);
        assertThat(HtmlChecker.errors(page)).isEmpty();

        HttpResponse<String> unknown = admin.post(base, form("email", "nobody-" + UUID.randomUUID() + "@example.org"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("No staff account has that email address.");

        assertThat(admin.post(base, form("remove", String.valueOf(id))).statusCode()).isEqualTo(303);
        assertThat(staff.find(email).orElseThrow().scopes(Role.ORGANIZER)).isEmpty();
        assertThat(jdbc.sql("select count(*) from section_lead where user_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aReplyTemplateIsSavedPerLanguageAndAnEmptyOneRemovesIt() throws Exception {
        Section section = sections.create("r" + UUID.randomUUID().toString().substring(0, 8), "Replying", "r@example.org", 48, List.of());
        String base = "/admin/sections/" + section.id() + "/replies";

        assertThat(admin.post(base, form("language", "ru", "subject", "Привет, {name}", "body", "Текст от {section}")).statusCode())
                .isEqualTo(303);
        assertThat(admin.get("/admin/sections/" + section.id()).body()).contains("Привет, {name}", "Текст от {section}");
        assertThat(admin.post(base, form("language", "xx", "subject", "s", "body", "b")).statusCode()).isEqualTo(400);
        assertThat(admin.post(base, form("language", "ru", "subject", "", "body", "")).statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("select count(*) from section_reply_template where section_id = ?").param(section.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theFallbackSectionAndASectionWithRequestsCannotBeDeletedAnEmptyOneCan() throws Exception {
        Section fallback = sections.route("ZZ");
        HttpResponse<String> refused = admin.post("/admin/sections/" + fallback.id() + "/delete", form());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The fallback section cannot be deleted");

        Section busy = sections.create("b" + UUID.randomUUID().toString().substring(0, 8), "Busy", "b@example.org", 48, List.of());
        new JoinRequestMother(jdbc, cipher, hash).request(busy, "AM", "en", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
        assertThat(admin.post("/admin/sections/" + busy.id() + "/delete", form()).statusCode()).isEqualTo(400);

        Section empty = sections.create("e" + UUID.randomUUID().toString().substring(0, 8), "Empty", "e@example.org", 48, List.of("PY"));
        HttpResponse<String> deleted = admin.post("/admin/sections/" + empty.id() + "/delete", form());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(sections.find(empty.id())).isEmpty();
        assertThat(sections.route("PY").fallback()).isTrue();
        assertThat(admin.get("/admin/sections/" + empty.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void deletingASectionTakesItsOrganizerRoleFromDisabledAccountsToo() throws Exception {
        Section gone = sections.create("g" + UUID.randomUUID().toString().substring(0, 8), "Gone", "g@example.org", 48, List.of());
        String active = "active-" + UUID.randomUUID() + "@example.org";
        String disabled = "disabled-" + UUID.randomUUID() + "@example.org";
        for (String email : List.of(active, disabled)) {
            staff.create(email, "Organizer", PASSWORD, List.of(new StaffRole(Role.ORGANIZER, gone.slug())));
        }
        jdbc.sql("update staff_user set enabled = false where email = ?").param(disabled).update();

        assertThat(admin.post("/admin/sections/" + gone.id() + "/delete", form()).statusCode()).isEqualTo(303);

        // a new section with the same slug must not hand the old organizers its requests when they are enabled again
        assertThat(jdbc.sql("select count(*) from staff_role where role = 'ORGANIZER' and scope = ?").param(gone.slug())
                .query(Integer.class).single()).isZero();
        assertThat(staff.find(disabled).orElseThrow().roles()).isEmpty();
    }

    private String form(String... pairs) {
        StringBuilder body = new StringBuilder("_csrf=" + StaffBrowser.encode(token));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(pairs[i]).append('=').append(StaffBrowser.encode(pairs[i + 1]));
        }
        return body.toString();
    }
}
