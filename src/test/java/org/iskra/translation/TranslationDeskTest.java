package org.iskra.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A translator into English sees what changed in the Russian original and marks the translation up to date. */
@IskraIntegrationTest
class TranslationDeskTest {

    private static final String PASSWORD = "a long enough passphrase 7";

    @Autowired
    ArticleWriter writer;

    @Autowired
    StaffAccounts accounts;

    @LocalServerPort
    int port;

    @Test
    void aTranslatorSeesTheWordsThatChangedAndMarksTheTranslationUpToDate() throws Exception {
        ArticleMother russian = ArticleMother.article().inLanguage("ru").writtenIn("ru").body("Бои возобновились в сентябре.");
        ArticleMother english = russian.translatedInto("en").body("Fighting resumed in September.");
        writer.save(russian.input());
        writer.save(english.input());
        writer.save(russian.body("Бои возобновились в октябре.").input());
        Http reader = new Http(port);
        assertThat(Jsoup.parse(reader.get("/en/articles/" + english.slug()).body()).select(".outdated")).isNotEmpty();

        StaffBrowser translator = new StaffBrowser(port);
        translator.logIn(staff(new StaffRole(Role.TRANSLATOR, "en")), PASSWORD);
        String desk = "/admin/translations/en/" + english.slug();
        HttpResponse<String> changes = translator.get(desk);
        assertThat(changes.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(changes.body());
        assertThat(page.select("pre.diff del").eachText()).containsExactly("сентябре");
        assertThat(page.select("pre.diff ins").eachText()).containsExactly("октябре");
        assertThat(page.select("pre.diff").attr("lang")).isEqualTo("ru");
        assertThat(HtmlChecker.errors(changes.body())).isEmpty();

        String token = page.select("form input[name=_csrf]").attr("value");
        HttpResponse<String> marked = translator.post(desk + "/up-to-date", "_csrf=" + StaffBrowser.encode(token));
        assertThat(marked.statusCode()).isEqualTo(303);
        assertThat(marked.headers().firstValue("Location")).hasValue(desk + "?marked");
        Document after = Jsoup.parse(translator.get(desk + "?marked").body());
        assertThat(after.select("pre.diff")).isEmpty();
        assertThat(after.select(".notice")).isNotEmpty();
        assertThat(Jsoup.parse(reader.get("/en/articles/" + english.slug()).body()).select(".outdated"))
                .as("the public page is current again").isEmpty();
    }

    @Test
    void translatorsWorkOnlyOnTheirOwnLanguagesAndNeedTheCsrfToken() throws Exception {
        ArticleMother russian = ArticleMother.article().inLanguage("ru").writtenIn("ru");
        ArticleMother english = russian.translatedInto("en");
        writer.save(russian.input());
        writer.save(english.input());
        String desk = "/admin/translations/en/" + english.slug();

        StaffBrowser arabicTranslator = new StaffBrowser(port);
        arabicTranslator.logIn(staff(new StaffRole(Role.TRANSLATOR, "ar")), PASSWORD);
        assertThat(arabicTranslator.get(desk).statusCode()).isEqualTo(403);
        assertThat(arabicTranslator.post(desk + "/up-to-date", "_csrf=" + StaffBrowser.encode(arabicTranslator.csrf("/admin/"))).statusCode())
                .isEqualTo(403);

        StaffBrowser editor = new StaffBrowser(port);
        editor.logIn(staff(StaffRole.of(Role.EDITOR)), PASSWORD);
        assertThat(editor.get(desk).statusCode()).isEqualTo(200);
        assertThat(editor.post(desk + "/up-to-date", "").statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(editor.get("/admin/translations/en/no-such-article").statusCode()).isEqualTo(404);
    }

    @Test
    void aTranslatorsQueueHoldsOnlyTheirLanguagesWhileEditorsSeeEvery() throws Exception {
        writer.save(ArticleMother.article().inLanguage("ru").writtenIn("ru").input());

        StaffBrowser translator = new StaffBrowser(port);
        translator.logIn(staff(new StaffRole(Role.TRANSLATOR, "ar"), new StaffRole(Role.TRANSLATOR, "hy")), PASSWORD);
        HttpResponse<String> queue = translator.get("/admin/translations.json");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(languagesIn(queue.body())).containsExactlyInAnyOrder("ar", "hy");
        assertThat(tasksIn(queue.body())).isNotEmpty().allMatch(language -> language.equals("ar") || language.equals("hy"));
        assertThat(translator.get("/admin/translations.json?language=hy").statusCode()).isEqualTo(200);
        assertThat(translator.get("/admin/translations?language=en").statusCode()).as("not one of theirs").isEqualTo(403);
        Document coverage = Jsoup.parse(translator.get("/admin/translations").body());
        coverage.select("table.report a[hreflang]").remove(); // the originals' titles: words of other tests' articles
        assertThat(coverage.select("table.report").text()).doesNotContain("English");

        StaffBrowser editor = new StaffBrowser(port);
        editor.logIn(staff(StaffRole.of(Role.EDITOR)), PASSWORD);
        assertThat(languagesIn(editor.get("/admin/translations.json").body())).contains("en", "ar", "hy", "ru", "uk");
        assertThat(editor.get("/admin/translations.json?language=en").statusCode()).isEqualTo(200);
    }

    private static List<String> languagesIn(String json) {
        return JsonPath.<List<String>>read(json, "$.languages[*].language");
    }

    private static List<String> tasksIn(String json) {
        return JsonPath.<List<String>>read(json, "$.tasks[*].language");
    }

    private String staff(StaffRole... roles) {
        String email = "desk-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Desk", PASSWORD, List.of(roles));
        return email;
    }

    private String staff(StaffRole role) {
        String email = "desk-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Desk", PASSWORD, List.of(role));
        return email;
    }
}
