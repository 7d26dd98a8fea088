package org.iskra.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.SaveResult;
import org.iskra.site.Languages;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coverage matrix over HTTP: languages across, published originals down. The shared application holds other
 * tests' originals, so the test finds its own row by its title, following the pages if it must.
 */
@IskraIntegrationTest
class CoverageMatrixTest {

    private static final String PASSWORD = "a matrix reader's passphrase";

    @Autowired
    ArticleWriter writer;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Languages languages;

    @LocalServerPort
    int port;

    @Test
    void eachCellSaysCurrentOutdatedOrMissingAndAnOutdatedOneLeadsToWhatChanged() throws Exception {
        String title = "Matrix " + UUID.randomUUID().toString().substring(0, 8);
        ArticleMother russian = ArticleMother.article().inLanguage("ru").writtenIn("ru").title(title)
                .body("Бои возобновились в сентябре.");
        SaveResult original = writer.save(russian.input());
        ArticleMother english = russian.translatedInto("en").title(title + " in English");
        writer.save(english.input());
        writer.save(russian.body("Бои возобновились в октябре.").input());
        ArticleMother german = russian.translatedInto("de").title(title + " auf Deutsch");
        writer.save(german.input());

        StaffBrowser editor = logIn(StaffRole.of(Role.EDITOR));
        HttpResponse<String> first = editor.get("/admin/translations");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(HtmlChecker.errors(first.body())).isEmpty();
        Document page = Jsoup.parse(first.body());
        assertThat(page.select("table.coverage-matrix:not(.regions) thead th[scope=col]")).as("the article, then every language")
                .hasSize(languages.all().size() + 1);

        Element row = rowOf(editor, title);
        assertThat(cell(row, page, "ru").hasClass("cell-original")).isTrue();
        assertThat(cell(row, page, "de").hasClass("cell-current")).isTrue();
        assertThat(cell(row, page, "de").select("a").attr("href")).isEqualTo("/de/articles/" + german.slug());
        Element outdated = cell(row, page, "en");
        assertThat(outdated.hasClass("cell-outdated")).isTrue();
        assertThat(outdated.select(".visually-hidden").text()).isEqualTo("English: outdated, see what changed in the original");
        String diff = outdated.select("a").attr("href");
        assertThat(diff).isEqualTo("/admin/translations/en/" + english.slug());
        assertThat(Jsoup.parse(editor.get(diff).body()).select("pre.diff ins").eachText()).containsExactly("октябре");
        Element missing = cell(row, page, "hy");
        assertThat(missing.hasClass("cell-missing")).isTrue();
        assertThat(missing.select("a").attr("href")).isEqualTo("/admin/articles/new?from=" + original.translationId() + "&language=hy");
        assertThat(missing.select("[aria-hidden]").text()).as("a symbol, not a colour").isNotEqualTo(outdated.select("[aria-hidden]").text());
    }

    @Test
    void aTranslatorFindsTheirLanguagesAndTheirQueueFirst() throws Exception {
        String title = "Queue " + UUID.randomUUID().toString().substring(0, 8);
        ArticleMother russian = ArticleMother.article().inLanguage("ru").writtenIn("ru").title(title);
        writer.save(russian.input());
        ArticleMother english = russian.translatedInto("en");
        writer.save(english.input());
        writer.save(russian.body("A newer original.").input());

        StaffBrowser translator = logIn(new StaffRole(Role.TRANSLATOR, "hy"), new StaffRole(Role.TRANSLATOR, "uk"));
        HttpResponse<String> response = translator.get("/admin/translations");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HtmlChecker.errors(response.body())).isEmpty();
        Document page = Jsoup.parse(response.body());
        List<String> columns = page.select("table.coverage-matrix:not(.regions) thead th[scope=col] [aria-hidden]").eachText();
        assertThat(columns.subList(0, 2)).containsExactlyInAnyOrder("hy", "uk");
        assertThat(page.select("table.coverage-matrix:not(.regions) thead th.own")).hasSize(2);
        Element queue = page.selectFirst("section.coverage-queue");
        assertThat(queue).as("the queue comes before the matrix").isNotNull();
        assertThat(queue.siblingIndex()).isLessThan(page.selectFirst(".matrix-scroll").siblingIndex());
        assertThat(queue.select("tbody tr td:nth-child(2)").eachText()).isNotEmpty()
                .allMatch(language -> language.equals("Armenian") || language.equals("Ukrainian"));

        Element row = rowOf(translator, title);
        assertThat(cell(row, page, "en").hasClass("cell-outdated")).isTrue();
        assertThat(cell(row, page, "en").select("a")).as("not theirs to bring up to date").isEmpty();
        assertThat(cell(row, page, "uk").select("a").attr("href")).startsWith("/admin/articles/new?from=");
        assertThat(translator.get("/admin/translations?page=0").statusCode()).isEqualTo(404);
    }

    private StaffBrowser logIn(StaffRole... roles) throws Exception {
        String email = "matrix-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Matrix", PASSWORD, List.of(roles));
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(email, PASSWORD);
        return browser;
    }

    /** The row of the original with this title, on whichever page of the matrix it is. */
    private static Element rowOf(StaffBrowser browser, String title) throws Exception {
        String path = "/admin/translations";
        List<String> seen = new ArrayList<>();
        while (path != null && seen.size() < 100) {
            seen.add(path);
            Document page = Jsoup.parse(browser.get(path).body());
            for (Element row : page.select("table.coverage-matrix:not(.regions) tbody tr")) {
                if (row.select("th a").text().equals(title)) {
                    return row;
                }
            }
            Element next = page.selectFirst("nav.pages a[rel=next]");
            path = next == null ? null : next.attr("href");
        }
        throw new AssertionError(title + " not on " + seen);
    }

    /** The cell of a language, by the column its header names. */
    private static Element cell(Element row, Document page, String language) {
        List<String> columns = page.select("table.coverage-matrix:not(.regions) thead th[scope=col]").stream()
                .map(th -> th.select("[aria-hidden]").text()).toList();
        return row.select("td").get(columns.indexOf(language) - 1);
    }
}
