package org.iskra.organizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.ibm.icu.util.ULocale;
import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.testsupport.EmptyIskraTest;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's charts over HTTP, for sections and countries of this test's own: each picture is named by its
 * visible heading, and its table holds the numbers of the requests this test made, for the sections the organizer
 * organizes only; on a right-to-left page the days run from the right.
 */
@EmptyIskraTest
class DashboardChartsTest {

    private static final String PASSWORD = "dashboard charts passphrase";

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
    MessageSource messages;

    private JoinRequestMother requests;
    private Section north;
    private Section south;
    private String run;

    @BeforeEach
    void setUp() {
        requests = new JoinRequestMother(jdbc, cipher, hash);
        run = UUID.randomUUID().toString().substring(0, 8);
        north = sections.create("north-" + run, "Northern section " + run, "north-" + run + "@example.org", 48, List.of());
        south = sections.create("south-" + run, "Southern section " + run, "south-" + run + "@example.org", 24, List.of());
    }

    @Test
    void eachChartIsNamedByItsHeadingAndItsTableHoldsTheNumbersOfTheOrganizersSections() throws Exception {
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
        List<String> overdueInArmenia = List.of(requests.request(north, "AM", "hy", past).publicId(),
                requests.request(north, "AM", "hy", past).publicId());
        requests.request(south, "GE", "ka", past);
        var answeredSoon = requests.request(north, "AM", "hy");
        var answeredLate = requests.request(south, "GE", "ka");
        String organizer = user(new StaffRole(Role.ORGANIZER, north.slug()), new StaffRole(Role.ORGANIZER, south.slug()));
        List<Double> contactHours = List.of(3.0, 30.0);
        contact(answeredSoon.publicId(), organizer, contactHours.get(0));
        contact(answeredLate.publicId(), organizer, contactHours.get(1));
        int made = overdueInArmenia.size() + 3;

        String html = logIn(organizer).get("/admin/join").body();
        Document page = Jsoup.parse(html);

        assertThat(HtmlChecker.errors(html)).isEmpty();
        for (String id : List.of("per-day", "contact", "overdue-section", "overdue-country")) {
            Element svg = page.selectFirst("#" + id + " svg[role=img]");
            assertThat(svg).as(id).isNotNull();
            Element heading = page.getElementById(svg.attr("aria-labelledby"));
            assertThat(heading).as("the picture's name is a heading on the page").isNotNull();
            assertThat(heading.tagName()).matches("h[23]");
            assertThat(heading.text()).isNotBlank();
            assertThat(page.select("#" + id + " table")).hasSize(1);
        }
        assertThat(page.getElementById("per-day-heading").text())
                .isEqualTo(messages.getMessage("organizing.metrics.per-day", null, Locale.ENGLISH));

        List<Long> perDay = amounts(page, "per-day");
        assertThat(perDay).hasSize(JoinMetrics.DAYS);
        assertThat(page.select("#per-day svg rect.bar")).hasSize(JoinMetrics.DAYS);
        assertThat(page.select("#per-day tbody tr").last().selectFirst("time").attr("datetime"))
                .isEqualTo(OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString());
        assertThat(perDay.get(perDay.size() - 1)).as("today: every request made here").isEqualTo(made);
        assertThat(perDay.stream().mapToLong(Long::longValue).sum()).isEqualTo(made);
        List<Double> heights = page.select("#per-day svg rect.bar").eachAttr("height").stream().map(Double::valueOf).toList();
        assertThat(heights.get(heights.size() - 1)).isPositive();
        assertThat(heights.subList(0, heights.size() - 1)).containsOnly(0.0);

        List<Long> contact = amounts(page, "contact");
        assertThat(contact).hasSize(JoinFigures.CONTACT_LIMITS.size() + 1);
        long[] expected = new long[JoinFigures.CONTACT_LIMITS.size() + 1];
        for (double hours : contactHours) {
            int range = (int) JoinFigures.CONTACT_LIMITS.stream().filter(limit -> hours >= limit).count();
            expected[range]++;
        }
        assertThat(contact).containsExactly(java.util.Arrays.stream(expected).boxed().toArray(Long[]::new));

        assertThat(rows(page, "overdue-section")).containsExactly(north.name() + " " + overdueInArmenia.size(),
                south.name() + " 1");
        assertThat(rows(page, "overdue-country")).containsExactly(country("AM") + " " + overdueInArmenia.size(),
                country("GE") + " 1");
        assertThat(page.select("#overdue-country svg rect.bar")).hasSize(2);
    }

    @Test
    void anOrganizerOfOneSectionSeesItsCountriesOnlyAndNoChartOfSections() throws Exception {
        OffsetDateTime past = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
        requests.request(north, "AM", "hy", past);
        requests.request(south, "GE", "ka", past);
        String organizer = user(new StaffRole(Role.ORGANIZER, north.slug()));

        Document page = Jsoup.parse(logIn(organizer).get("/admin/join").body());

        assertThat(page.getElementById("overdue-section")).isNull();
        assertThat(rows(page, "overdue-country")).containsExactly(country("AM") + " 1");
        assertThat(amounts(page, "per-day").stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
    }

    @Test
    void onARightToLeftPageTheDaysRunFromTheRightAndNoRequestPastItsDeadlineShowsNoBars() throws Exception {
        requests.request(north, "AM", "hy");
        String organizer = user(new StaffRole(Role.ORGANIZER, north.slug()));
        StaffBrowser browser = logIn(organizer);

        String html = browser.get("/admin/join", "Accept-Language", "ar").body();
        Document page = Jsoup.parse(html);

        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(HtmlChecker.errors(html)).isEmpty();
        List<Double> xs = page.select("#per-day svg rect.bar").eachAttr("x").stream().map(Double::valueOf).toList();
        assertThat(xs).hasSize(JoinMetrics.DAYS);
        for (int i = 1; i < xs.size(); i++) {
            assertThat(xs.get(i)).as("each day left of the one before").isLessThan(xs.get(i - 1));
        }
        assertThat(page.selectFirst("#per-day svg").attr("direction")).isEqualTo("rtl");
        assertThat(page.getElementById("overdue-country")).isNull();
        assertThat(page.select(".chart-none").text())
                .isEqualTo(messages.getMessage("organizing.chart.no-overdue", null, Locale.forLanguageTag("ar")));
    }

    /** The amounts in the chart's table, read back as numbers from the reader's digits. */
    private static List<Long> amounts(Document page, String chart) {
        List<Long> amounts = new ArrayList<>();
        for (Element cell : page.select("#" + chart + " tbody td.number")) {
            amounts.add(Long.parseLong(cell.text().replaceAll("[^0-9]", "")));
        }
        return amounts;
    }

    private static List<String> rows(Document page, String chart) {
        return page.select("#" + chart + " tbody tr").eachText();
    }

    private static String country(String code) {
        return new ULocale("", code).getDisplayCountry(ULocale.ENGLISH) + " (" + code + ")";
    }

    private void contact(String publicId, String organizer, double hours) {
        OffsetDateTime received = jdbc.sql("select created_at from join_request where public_id = ?")
                .param(publicId).query(OffsetDateTime.class).single();
        jdbc.sql("""
                        insert into join_event (request_id, kind, actor_id, detail, created_at)
                        select id, 'status', ?, 'from=new to=contacted', ? from join_request where public_id = ?""")
                .params(staff.find(organizer).orElseThrow().id(), received.plusMinutes(Math.round(hours * 60)), publicId)
                .update();
        jdbc.sql("update join_request set status = 'contacted' where public_id = ?").param(publicId).update();
    }

    private String user(StaffRole... roles) {
        String email = "charts-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        staff.create(email, "Charts organizer " + run, PASSWORD, List.of(roles));
        return email;
    }

    private StaffBrowser logIn(String email) throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        assertThat(StaffBrowser.location(browser.logIn(email, PASSWORD))).endsWith("/admin/");
        return browser;
    }
}
