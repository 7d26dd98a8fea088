package org.iskra.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.privacy.SealedColumns;
import org.iskra.privacy.SealedValueException;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rights of an applicant, exercised by an administrator over HTTP: what the join form stored about them (their
 * requests, an organizer's note, the mail to them) is found by their address, exported as JSON and as a page in
 * their language, then erased so that nothing of them is readable anywhere in the database.
 */
@IskraIntegrationTest
class DataSubjectRightsTest {

    private static final String PASSWORD = "subject rights passphrase for tests";
    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    @LocalServerPort
    int port;

    @Autowired
    FormTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    KeyedHash hash;

    @Autowired
    StaffAccounts staff;

    @Autowired
    List<SealedColumns> sealedTables;

    @Test
    void anAdministratorFindsExportsAndErasesEverythingHeldAboutAnApplicant() throws Exception {
        JoinClient client = new JoinClient(port, tokens);
        Map<String, String> first = client.applicant("AM");
        Map<String, String> second = new LinkedHashMap<>(client.applicant("GE"));
        second.put("email", first.get("email").toUpperCase(Locale.ROOT));  // the same person, typed differently
        Map<String, String> bystander = client.applicant("AM");
        for (Map<String, String> form : List.of(first, second, bystander)) {
            assertThat(client.post("ru", form).statusCode()).isEqualTo(303);
        }
        List<String> requests = jdbc.sql("select public_id from join_request where email_hash = ? order by id")
                .param(hash.of("join_request.email", first.get("email"))).query(String.class).list();
        assertThat(requests).hasSize(2);
        String admin = administrator();
        StaffBrowser browser = logIn(admin);
        String token = browser.csrf("/admin/privacy/subjects");
        String note = "Called " + first.get("name") + " back";
        assertThat(browser.post("/admin/join/" + requests.get(0) + "/note",
                "_csrf=" + StaffBrowser.encode(token) + "&note=" + StaffBrowser.encode(note)).statusCode()).isEqualTo(303);
        String email = "_csrf=" + StaffBrowser.encode(token) + "&email=" + StaffBrowser.encode(" " + first.get("email") + " ");

        HttpResponse<String> found = browser.post("/admin/privacy/subjects", email);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("Join requests: 2; messages: 2.", requests.get(0), requests.get(1));
        assertThat(HtmlChecker.errors(found.body())).isEmpty();

        HttpResponse<String> json = browser.post("/admin/privacy/subjects/export", email + "&format=json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(json.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        JsonNode records = JsonMapper.builder().build().readTree(json.body()).get("records");
        assertThat(records).hasSize(4);
        assertThat(json.body()).contains(first.get("name"), first.get("phone"), first.get("city"), first.get("message"),
                second.get("name"), note, "\"kind\" : \"mail\"", "\"recipient\" : \"" + first.get("email"), "AM", "GE", "received")
                .doesNotContain(bystander.get("name"));
        HttpResponse<String> page = browser.post("/admin/privacy/subjects/export", email + "&format=html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"ru\"", "Заявка на вступление", first.get("name"), note);
        assertThat(HtmlChecker.errors(page.body())).isEmpty();
        assertThat(audits(admin, "subject.search")).isEqualTo(1);
        assertThat(audits(admin, "subject.export")).isEqualTo(2);

        HttpResponse<String> asked = browser.post("/admin/privacy/subjects/erase", email);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("cannot be undone");
        assertThat(HtmlChecker.errors(asked.body())).isEmpty();
        assertThat(audits(admin, "subject.erase")).as("asking erases nothing").isZero();

        HttpResponse<String> erased = browser.post("/admin/privacy/subjects/erase", email + "&confirm=yes");
        assertThat(erased.statusCode()).isEqualTo(303);
        assertThat(erased.headers().firstValue("Location").orElseThrow()).endsWith("/admin/privacy/subjects?done=erased")
                .doesNotContain("@");

        List<String> traces = new ArrayList<>();
        for (Map<String, String> form : List.of(first, second)) {
            traces.addAll(List.of(form.get("name"), form.get("email"), form.get("phone"), form.get("city"), form.get("message")));
        }
        traces.add(first.get("email").substring(0, first.get("email").indexOf('@')));
        List<String> opened = openEverySealedValue();
        for (String trace : traces) {
            assertThat(opened).as("no sealed value opens to %s", trace).noneMatch(v -> v.toLowerCase(Locale.ROOT)
                    .contains(trace.toLowerCase(Locale.ROOT)));
        }
        assertThat(opened).as("the bystander keeps their data").anyMatch(v -> v.equals(bystander.get("name")));
        String text = everyTextInTheDatabase().toLowerCase(Locale.ROOT);
        for (String trace : traces) {
            assertThat(text).as("no column holds %s", trace).doesNotContain(trace.toLowerCase(Locale.ROOT));
        }
        for (String request : requests) {
            Map<String, Object> row = jdbc.sql("select name, email_hash, country_code, status, erased_at from join_request where public_id = ?")
                    .param(request).query().singleRow();
            assertThat(row.get("name")).isNull();
            assertThat(row.get("email_hash")).isNull();
            assertThat(row.get("country_code")).isIn("AM", "GE");
            assertThat(row.get("status")).isEqualTo("new");
            assertThat(row.get("erased_at")).isNotNull();
            assertThat(jdbc.sql("""
                            select e.kind from join_event e join join_request r on r.id = e.request_id
                             where r.public_id = ? order by e.id""")
                    .param(request).query(String.class).list()).contains("received", "erased");
        }
        assertThat(jdbc.sql("select count(*) from outbox_message where status = 'cancelled' and recipient is null")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(audits(admin, "join.erase")).isEqualTo(2);
        assertThat(audits(admin, "subject.erase")).isEqualTo(1);

        HttpResponse<String> after = browser.post("/admin/privacy/subjects/export", email + "&format=json");
        assertThat(JsonMapper.builder().build().readTree(after.body()).get("records")).isEmpty();
        HttpResponse<String> erasedRequest = browser.get("/admin/join/" + requests.get(0));
        assertThat(erasedRequest.statusCode()).isEqualTo(200);
        assertThat(erasedRequest.body()).contains("Personal data erased", "AM").doesNotContain(note);
        assertThat(HtmlChecker.errors(erasedRequest.body())).isEmpty();
        long mailBefore = jdbc.sql("select count(*) from outbox_message").query(Long.class).single();
        HttpResponse<String> reply = browser.post("/admin/join/" + requests.get(0) + "/reply", "_csrf=" + StaffBrowser.encode(token));
        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.body()).contains("there is nobody to reply to");
        assertThat(jdbc.sql("select count(*) from outbox_message").query(Long.class).single()).isEqualTo(mailBefore);
        HttpResponse<String> notice = browser.get("/admin/privacy/subjects?done=erased");
        assertThat(notice.body()).contains("The personal data was erased.");
    }

    @Test
    void anAddressThatIsNoAddressOrAnUnknownFormatIsRefusedInTheUsersLanguage() throws Exception {
        StaffBrowser browser = logIn(administrator());
        String token = "_csrf=" + StaffBrowser.encode(browser.csrf("/admin/privacy/subjects"));

        HttpResponse<String> noAddress = browser.post("/admin/privacy/subjects", token + "&email=nobody");
        assertThat(noAddress.statusCode()).isEqualTo(400);
        assertThat(noAddress.body()).contains("Please enter a valid email address.");
        assertThat(HtmlChecker.errors(noAddress.body())).isEmpty();
        assertThat(browser.post("/admin/privacy/subjects/erase", token).statusCode()).isEqualTo(400);
        HttpResponse<String> format = browser.post("/admin/privacy/subjects/export",
                token + "&email=a%40example.org&format=xml");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(format.body()).contains("Please choose JSON or a readable page.");
    }

    private List<String> openEverySealedValue() {
        List<String> opened = new ArrayList<>();
        for (SealedColumns table : sealedTables) {
            table.fields().forEach(field -> jdbc
                    .sql("select " + table.publicIdColumn() + ", " + field.column() + " from " + table.table()
                            + " where " + field.column() + " is not null")
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list()
                    .forEach(row -> {
                        try {
                            opened.add(cipher.open(row[1], field, row[0]));
                        } catch (SealedValueException e) {
                            // sealed by another test with a key of its own (or a deliberately broken value): not ours
                        }
                    }));
        }
        return opened;
    }

    /** Every text value of every table, whatever it holds. */
    private String everyTextInTheDatabase() throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).isNotEmpty();
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select * from " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            if (TEXT.contains(meta.getColumnType(i))) {
                                text.append(rows.getString(i)).append('\n');
                            }
                        }
                    }
                }
            }
        }
        return text.toString();
    }

    private String administrator() {
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.create(email, "Administrator", PASSWORD, List.of(new StaffRole(Role.ADMINISTRATOR, "")));
        return email;
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
}
