package org.iskra.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.organizing.Section;
import org.iskra.organizing.Sections;
import org.iskra.testsupport.EmptyIskraTest;
import org.iskra.testsupport.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The link in the organizers' notice leads to the request the join form stored, readable by its section only. */
@EmptyIskraTest
class JoinRequestFollowUpTest {

    private static final String PASSWORD = "join follow-up passphrase";

    @LocalServerPort
    int port;

    @Autowired
    FormTokens tokens;

    @Autowired
    Sections sections;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOrganizersOfTheSectionReadWhatTheApplicantSent() throws Exception {
        Section section = sections.create("follow-" + UUID.randomUUID().toString().substring(0, 8), "Follow section",
                "follow@example.org", 48, List.of("NP"));
        String email = "organizer-" + UUID.randomUUID() + "@example.org";
        staff.create(email, "Organizer", PASSWORD, List.of(new StaffRole(Role.ORGANIZER, section.slug())));
        JoinClient client = new JoinClient(port, tokens);
        Map<String, String> form = client.applicant("NP");
        assertThat(client.post("ru", form).statusCode()).isEqualTo(303);
        String publicId = jdbc.sql("select public_id from join_request where form_token = ?").param(form.get("token"))
                .query(String.class).single();
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(email, PASSWORD);

        HttpResponse<String> page = browser.get("/admin/join/" + publicId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(form.get("name"), form.get("email"), form.get("phone"), form.get("city"),
                form.get("message"));
    }
}
