package org.iskra.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.EditorialStatus;
import org.iskra.articles.SaveResult;
import org.iskra.site.Languages;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The article list over HTTP: one row per article with a marker per site language. Every test makes its own two
 * articles, named by a word no other test uses, and looks only at the rows that word finds.
 */
@IskraIntegrationTest
class ArticleRowsTest {

    private static final String PASSWORD = "a list reader's passphrase";

    @Autowired
    ArticleWriter writer;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Languages languages;

    @LocalServerPort
    int port;

    private String word;
    private String region;
    private SaveResult original;
    private SaveResult english;
    private SaveResult german;
    private SaveResult ukrainian;

    /**
     * "Tide": a Russian original with an outdated English translation, a current German one, a French draft and a
     * Ukrainian one in review; "Zebra", created after it: an English draft with nothing else.
     */
    @BeforeEach
    void twoArticles() throws Exception {
        word = "rowword" + UUID.randomUUID().toString().substring(0, 8);
        region = "Rowregion " + word;
        ArticleMother tide = ArticleMother.article().inLanguage("ru").writtenIn("ru").title(word + " tide").regions(region);
        original = writer.save(tide.input());
        english = writer.save(tide.translatedInto("en").title(word + " tide in English").regions(region).input());
        writer.save(tide.body("The original changed after the English translation.").regions(region).input());
        german = writer.save(tide.translatedInto("de").title(word + " Flut").regions(region).input());
        writer.save(tide.translatedInto("fr").title(word + " marée").draft().input());
        ukrainian = writer.save(tide.translatedInto("uk").title(word + " приплив").draft().input());
        writer.changeStatus(ukrainian.translationId(), ukrainian.version(), EditorialStatus.REVIEW, null);
        writer.save(ArticleMother.article().title(word + " zebra").draft().input());
    }

    @Test
    void eachArticleIsOneRowWithAMarkerPerLanguageShowingWhereItsTranslationStands() throws Exception {
        StaffBrowser editor = logIn(StaffRole.of(Role.EDITOR));
        HttpResponse<String> response = editor.get("/admin/articles?q=" + word);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HtmlChecker.errors(response.body())).isEmpty();
        Document page = Jsoup.parse(response.body());
        assertThat(titles(page)).as("two articles, seven texts: two rows").containsExactly(word + " zebra", word + " tide");

        Element tide = row(page, word + " tide");
        assertThat(tide.select(".markers li")).hasSize(languages.all().size());
        Map<String, String> states = states(tide);
        assertThat(states).containsEntry("ru", "original").containsEntry("en", "outdated").containsEntry("de", "current")
                .containsEntry("fr", "draft").containsEntry("uk", "review").containsEntry("hy", "missing");
        assertThat(marker(tide, "en").attr("href")).isEqualTo("/admin/articles/" + english.translationId());
        assertThat(marker(tide, "de").attr("href")).isEqualTo("/admin/articles/" + german.translationId());
        assertThat(marker(tide, "hy").attr("href")).as("a missing one is started from the original")
                .isEqualTo("/admin/articles/new?from=" + original.translationId() + "&language=hy");
        assertThat(editor.get(marker(tide, "hy").attr("href")).statusCode()).isEqualTo(200);
        // understood without colour: the words are in the marker, for screen readers and as a tooltip
        assertThat(marker(tide, "en").select(".visually-hidden").text()).isEqualTo("English: outdated");
        assertThat(marker(tide, "uk").attr("title")).isEqualTo("Ukrainian: in review");
        assertThat(marker(tide, "ru").select(".visually-hidden").text()).isEqualTo("Russian: original (Published)");
        assertThat(marker(tide, "hy").select(".visually-hidden").text()).isEqualTo("Armenian: missing, start the translation");
        assertThat(states(row(page, word + " zebra"))).containsEntry("en", "original").containsEntry("ru", "missing");
    }

    @Test
    void filtersByLanguageAndStatusRegionAndOutdatedAndSortsByChangeOrTitle() throws Exception {
        StaffBrowser editor = logIn(StaffRole.of(Role.EDITOR));
        String q = "/admin/articles?q=" + word;
        assertThat(titles(editor.get(q + "&language=fr&status=draft"))).containsExactly(word + " tide");
        assertThat(titles(editor.get(q + "&language=uk&status=review"))).containsExactly(word + " tide");
        assertThat(titles(editor.get(q + "&status=draft"))).containsExactly(word + " zebra", word + " tide");
        assertThat(titles(editor.get(q + "&language=de&status=missing"))).containsExactly(word + " zebra");
        assertThat(titles(editor.get(q + "&language=hy&status=missing"))).hasSize(2);
        assertThat(titles(editor.get(q + "&outdated=true&language=en"))).containsExactly(word + " tide");
        assertThat(titles(editor.get(q + "&outdated=true&language=de"))).isEmpty();
        assertThat(titles(editor.get("/admin/articles?q=" + StaffBrowser.encode(word + " flut")))).as("any language's title")
                .containsExactly(word + " tide");

        Document all = Jsoup.parse(editor.get(q).body());
        String slug = all.select("#filter-region option").stream().filter(o -> o.text().equals(region)).findFirst()
                .orElseThrow().attr("value");
        assertThat(titles(editor.get(q + "&region=" + StaffBrowser.encode(slug)))).containsExactly(word + " tide");

        assertThat(titles(editor.get(q + "&sort=title"))).containsExactly(word + " tide", word + " zebra");
        assertThat(titles(editor.get(q + "&sort=changed"))).as("the last changed first").containsExactly(word + " zebra", word + " tide");
        writer.changeStatus(english.translationId(), english.version(), EditorialStatus.UNPUBLISHED, null);
        assertThat(titles(editor.get(q))).as("a change to a translation is a change to its article")
                .containsExactly(word + " tide", word + " zebra");
        assertThat(states(row(Jsoup.parse(editor.get(q).body()), word + " tide"))).containsEntry("en", "draft");
        assertThat(editor.get(q + "&language=xx&status=nonsense&sort=nonsense").statusCode()).as("unknown values are ignored")
                .isEqualTo(200);
    }

    @Test
    void aTranslatorSeesWhatTheyMayTranslateWithTheirLanguagesMarkersFirst() throws Exception {
        StaffBrowser translator = logIn(new StaffRole(Role.TRANSLATOR, "uk"), new StaffRole(Role.TRANSLATOR, "hy"));
        Document page = Jsoup.parse(translator.get("/admin/articles?q=" + word).body());
        assertThat(titles(page)).as("an unpublished original is not theirs to see").containsExactly(word + " tide");
        Element tide = row(page, word + " tide");
        List<String> order = tide.select(".markers li > .marker").stream().map(m -> languageOf(m)).toList();
        assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("uk", "hy");
        assertThat(marker(tide, "uk").attr("href")).isEqualTo("/admin/articles/" + ukrainian.translationId());
        assertThat(marker(tide, "hy").attr("href")).isEqualTo("/admin/articles/new?from=" + original.translationId() + "&language=hy");
        assertThat(marker(tide, "ru").tagName()).as("an original is never theirs to open").isEqualTo("span");
        assertThat(marker(tide, "de").tagName()).as("nor another language's text").isEqualTo("span");
        assertThat(tide.select(".other-title").text()).as("their own text's title beside the original's").isEqualTo(word + " приплив");
    }

    private StaffBrowser logIn(StaffRole... roles) throws Exception {
        String email = "rows-" + UUID.randomUUID() + "@example.org";
        accounts.create(email, "Rows", PASSWORD, List.of(roles));
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(email, PASSWORD);
        return browser;
    }

    private static List<String> titles(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return titles(Jsoup.parse(response.body()));
    }

    private static List<String> titles(Document page) {
        return page.select("table.article-rows tbody tr td.article-title > :first-child").eachText();
    }

    private static Element row(Document page, String title) {
        return page.select("table.article-rows tbody tr").stream()
                .filter(tr -> tr.select("td.article-title > :first-child").text().equals(title)).findFirst().orElseThrow();
    }

    private static Element marker(Element row, String language) {
        return row.select(".markers li > .marker").stream()
                .filter(m -> languageOf(m).equals(language)).findFirst().orElseThrow();
    }

    /** The code a marker shows before its symbol. */
    private static String languageOf(Element marker) {
        return marker.select("[aria-hidden]").text().split("[\\s\u00a0]+")[0];
    }

    /** Each marker's state by its language, read from its class. */
    private static Map<String, String> states(Element row) {
        Map<String, String> states = new LinkedHashMap<>();
        for (Element m : row.select(".markers li > .marker")) {
            String language = languageOf(m);
            String state = m.classNames().stream().filter(c -> c.startsWith("marker-")).findFirst().orElseThrow().substring(7);
            states.put(language, state);
        }
        return states;
    }
}
