package org.iskra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.iskra.organizing.Sections;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff layout over real HTTP: the back office speaks the staff member's own language (their browser's first
 * choice until they pick one on their account page), whatever the public site's language; the navigation lists
 * exactly the areas a person's roles open, marks the one they are in, and the others stay refused.
 */
@IskraIntegrationTest
class StaffLayoutTest {

    private static final String PASSWORD = "staff layout passphrase";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Sections sections;

    @Test
    void theBackOfficeSpeaksTheBrowsersFirstInterfaceLanguageUntilTheStaffMemberChoosesOne() throws Exception {
        String email = staff(StaffRole.of(Role.EDITOR));
        StaffBrowser browser = loggedIn(email);
        // the public site's remembered choice is Russian: the back office does not follow it
        browser.get("/language/ru?next=/ru/");

        Document german = page(browser, "/admin/", "Accept-Language", "xx-YY, de-AT;q=0.9, fa;q=0.8");
        assertThat(german.select("html").attr("lang")).isEqualTo("de");
        assertThat(german.select("html").attr("dir")).isEqualTo("ltr");
        assertThat(german.select("details.staff-menu summary").text()).isEqualTo("Menü");

        Document farsi = page(browser, "/admin/articles", "Accept-Language", "fa, de;q=0.5");
        assertThat(farsi.select("html").attr("lang")).isEqualTo("fa");
        assertThat(farsi.select("html").attr("dir")).isEqualTo("rtl");

        HttpResponse<String> chosen = browser.chooseInterfaceLanguage("uk");
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(StaffBrowser.location(chosen)).isEqualTo("/admin/account?done=language");
        assertThat(accounts.interfaceLanguageOf(email)).hasValue("uk");

        Document account = page(browser, "/admin/account?done=language", "Accept-Language", "de");
        assertThat(account.select("html").attr("lang")).as("the choice before the browser's").isEqualTo("uk");
        assertThat(account.select("#interface-language option[selected]").attr("value")).isEqualTo("uk");
        assertThat(account.select("#interface-language option[value=fa]").attr("lang")).isEqualTo("fa");
        assertThat(account.select("#interface-language option[value=fa]").text()).isEqualTo("فارسی");
        assertThat(account.select("p.notice").text()).isEqualTo("Мову інтерфейсу збережено.");

        HttpResponse<String> unknown = browser.chooseInterfaceLanguage("xx");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unknown.body()).select("html").attr("lang")).isEqualTo("uk");
        assertThat(accounts.interfaceLanguageOf(email)).as("nothing changed").hasValue("uk");

        // the public site keeps its own language: the address, and at / the reader's remembered choice
        Document english = page(browser, "/en/");
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        assertThat(english.select(".staff-bar")).isEmpty();
        assertThat(english.select("header.site")).hasSize(1);
        assertThat(browser.get("/", "Accept-Language", "de").headers().firstValue("Location")).hasValue("/ru/");

        browser.chooseInterfaceLanguage("");
        assertThat(accounts.interfaceLanguageOf(email)).as("back to the browser's").isEmpty();
        assertThat(page(browser, "/admin/", "Accept-Language", "ar").select("html").attr("dir")).isEqualTo("rtl");
    }

    @Test
    void eachRoleSeesOnlyTheAreasItMayOpenWithTheCurrentOneMarkedAndTheOthersStayRefused() throws Exception {
        StaffBrowser administrator = loggedIn(staff(StaffRole.of(Role.ADMINISTRATOR)));
        List<String> everyArea = navigation(page(administrator, "/admin/"));
        assertThat(everyArea).containsExactly("/admin/articles", "/admin/translations", "/admin/newsletter",
                "/admin/join", "/admin/sections", "/admin/users", "/admin/import", "/admin/mirror", "/admin/audit",
                "/admin/privacy/subjects");

        expectAreas(loggedIn(staff(StaffRole.of(Role.EDITOR))), everyArea, "/admin/articles", "/admin/translations",
                "/admin/newsletter");
        expectAreas(loggedIn(staff(new StaffRole(Role.TRANSLATOR, "ru"))), everyArea, "/admin/articles",
                "/admin/translations");
        // a section of this test's own: other classes sharing the application count the organizers of theirs
        String section = "layout-" + UUID.randomUUID().toString().substring(0, 8);
        sections.create(section, "Layout section", section + "@example.org", 48, List.of());
        expectAreas(loggedIn(staff(new StaffRole(Role.ORGANIZER, section))), everyArea, "/admin/join");
        expectAreas(loggedIn(staff(StaffRole.of(Role.AUTHOR))), everyArea, "/admin/articles");
    }

    @Test
    void thePagesBeforeTheLoginHaveTheStaffLayoutWithoutNavigation() throws Exception {
        StaffBrowser anonymous = new StaffBrowser(port);
        Document login = page(anonymous, "/admin/login", "Accept-Language", "ur");
        assertThat(login.select("header.staff-bar a.staff-brand").attr("href")).isEqualTo("/admin/");
        assertThat(login.select(".staff-nav, .staff-menu, form[action=/admin/logout]")).isEmpty();
        assertThat(login.select("header.site, ul.languages, form.site-search")).as("no readers' header").isEmpty();
        assertThat(login.select("html").attr("dir")).isEqualTo("rtl");

        String email = staff(StaffRole.of(Role.ORGANIZER));
        StaffBrowser halfway = new StaffBrowser(port);
        halfway.logInWithPasswordOnly(email, PASSWORD);
        Document enrol = page(halfway, "/admin/second-factor/enrol");
        assertThat(enrol.select("header.staff-bar")).hasSize(1);
        assertThat(enrol.select(".staff-nav")).as("half-way through the login: nothing to open yet").isEmpty();
    }

    private void expectAreas(StaffBrowser browser, List<String> everyArea, String... theirs) throws Exception {
        assertThat(navigation(page(browser, "/admin/"))).containsExactly(theirs);
        for (String area : everyArea) {
            HttpResponse<String> response = browser.get(area);
            if (List.of(theirs).contains(area)) {
                assertThat(response.statusCode()).as(area).isEqualTo(200);
                Document page = Jsoup.parse(response.body());
                assertThat(page.select(".staff-nav a[aria-current=page]").eachAttr("href")).as(area).containsExactly(area);
                assertThat(page.select(".staff-who p").text()).contains("Layout Tester");
                assertThat(page.select(".staff-who form[action=/admin/logout][method=post] input[name=_csrf]")).hasSize(1);
            } else {
                assertThat(response.statusCode()).as(area + " is not theirs").isEqualTo(403);
            }
        }
    }

    private static List<String> navigation(Document page) {
        return page.select("nav.staff-nav a").eachAttr("href");
    }

    private static Document page(StaffBrowser browser, String path, String... headers) throws Exception {
        HttpResponse<String> response = browser.get(path, headers);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private StaffBrowser loggedIn(String email) throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        assertThat(StaffBrowser.location(browser.logIn(email, PASSWORD))).endsWith("/admin/");
        return browser;
    }

    private String staff(StaffRole role) {
        String email = "layout-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Layout Tester", PASSWORD, List.of(role));
        return email;
    }
}
