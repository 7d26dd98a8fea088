package org.iskra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.testsupport.HtmlChecker;
import org.iskra.testsupport.Http;
import org.iskra.testsupport.IskraIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search page and API over HTTP against the running application. The index is shared with every other test
 * of the same application, so each test finds its own articles by a made-up word nobody else uses.
 */
@IskraIntegrationTest
class SearchPageTest {

    private static final Duration SETUP = Duration.ofSeconds(10);
    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Random RANDOM = new Random();

    @Autowired
    ArticleWriter writer;

    @Autowired
    SearchIndex index;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void russianStemmingFindsOtherFormsOfAWord() throws Exception {
        String word = nonce();
        ArticleMother article = ArticleMother.article().inLanguage("ru").writtenIn("ru")
                .title("Статья " + word).body("Мы говорили о задачах нашей организации и о том, что делать дальше.");
        writer.save(article.input());

        assertThat(pathsFound("/ru/search?q=" + enc("организация " + word), 1))
                .containsExactly("/ru/articles/" + article.slug());
        assertThat(paths(http.get("/ru/search?q=" + enc("организацией " + word))))
                .containsExactly("/ru/articles/" + article.slug());
        assertThat(paths(http.get("/ru/search?q=" + enc("революция " + word)))).isEmpty();
    }

    @Test
    void englishStemmingFindsOtherFormsOfAWord() throws Exception {
        String word = nonce();
        ArticleMother article = ArticleMother.article().title("Report " + word)
                .body("The workers were organizing strikes across the region.");
        writer.save(article.input());

        assertThat(pathsFound("/en/search?q=" + enc("worker organized strike " + word), 1))
                .containsExactly("/en/articles/" + article.slug());
        assertThat(paths(http.get("/en/search?q=" + enc("organi* " + word))))
                .as("a prefix finds the words it begins, not their stems").containsExactly("/en/articles/" + article.slug());
    }

    @Test
    void ukrainianStemmingFindsOtherFormsOfAWord() throws Exception {
        String word = nonce();
        ArticleMother article = ArticleMother.article().inLanguage("uk").writtenIn("uk")
                .title("Стаття " + word).body("Ми говорили про завдання нашої організації та про страйки робітників.");
        writer.save(article.input());

        assertThat(pathsFound("/uk/search?q=" + enc("організація робітники " + word), 1))
                .containsExactly("/uk/articles/" + article.slug());
    }

    @Test
    void aMatchInTheTitleRanksAboveAMatchInTheBody() throws Exception {
        String word = nonce();
        ArticleMother inBody = ArticleMother.article().title("Something else entirely")
                .body("A long text that mentions " + word + " once, among many other words about many other things.");
        ArticleMother inTitle = ArticleMother.article().title("On " + word)
                .body("A long text that does not repeat the word, among many other words about many other things.");
        writer.save(inBody.input());
        writer.save(inTitle.input());

        assertThat(pathsFound("/en/search?q=" + word, 2))
                .containsExactly("/en/articles/" + inTitle.slug(), "/en/articles/" + inBody.slug());
    }

    @Test
    void filtersByRegionCountryTagAndDate() throws Exception {
        String word = nonce();
        ArticleMother caucasus = ArticleMother.article().title("First " + word).regions("Region " + word)
                .countries("AM").tags("Tag " + word).publishedAt(OffsetDateTime.parse("2024-03-01T10:00:00Z"));
        ArticleMother france = ArticleMother.article().title("Second " + word).countries("FR")
                .publishedAt(OffsetDateTime.parse("2025-06-01T10:00:00Z"));
        ArticleMother tagged = ArticleMother.article().title("Third " + word).tags("Tag " + word)
                .publishedAt(OffsetDateTime.parse("2026-01-01T10:00:00Z"));
        for (ArticleMother article : List.of(caucasus, france, tagged)) {
            writer.save(article.input());
        }
        pathsFound("/en/search?q=" + word, 3);
        String region = "region-" + word;
        String tag = "tag-" + word;

        assertThat(paths(http.get("/en/search?q=" + word + "&region=" + region)))
                .containsExactly(path(caucasus));
        assertThat(paths(http.get("/en/search?q=" + word + "&country=fr"))).containsExactly(path(france));
        assertThat(paths(http.get("/en/search?q=" + word + "&tag=" + tag)))
                .containsExactlyInAnyOrder(path(caucasus), path(tagged));
        assertThat(paths(http.get("/en/search?q=" + word + "&from=2025-01-01")))
                .containsExactlyInAnyOrder(path(france), path(tagged));
        assertThat(paths(http.get("/en/search?q=" + word + "&from=2025-06-01&to=2025-06-01")))
                .containsExactly(path(france));
        assertThat(paths(http.get("/en/search?q=" + word + "&to=2024-12-31&tag=" + tag)))
                .containsExactly(path(caucasus));
        assertThat(paths(http.get("/en/search?tag=" + tag)))
                .as("filters alone list their articles, newest first").containsExactly(path(tagged), path(caucasus));

        Document form = Jsoup.parse(http.get("/en/search?q=" + word).body());
        assertThat(form.select("#search-region option").eachAttr("value")).contains(region);
        assertThat(form.select("#search-country option[value=am]").text()).isEqualTo("Armenia");
        assertThat(form.select("#search-tag option").eachText()).contains("Tag " + word);
    }

    @Test
    void resultsComeInPagesThatLinkToEachOther() throws Exception {
        String word = nonce();
        for (int i = 0; i < 12; i++) {
            writer.save(ArticleMother.article().title("Part " + i + " " + word)
                    .publishedAt(OffsetDateTime.parse("2026-01-01T10:00:00Z").plusDays(i)).input());
        }
        pathsFound("/en/search?q=" + word + "&page=2", 2);
        Document first = Jsoup.parse(http.get("/en/search?q=" + word + "&sort=newest").body());
        assertThat(first.select(".results > li")).hasSize(10);
        assertThat(first.select(".summary").text()).isEqualTo("12 articles found");
        assertThat(first.select(".results h2").first().text()).isEqualTo("Part 11 " + word);
        String next = first.select(".pages a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/en/search?q=" + word + "&sort=newest&page=2");

        Document second = Jsoup.parse(http.get(next).body());
        assertThat(second.select(".results > li")).hasSize(2);
        assertThat(second.select(".results").attr("start")).isEqualTo("11");
        assertThat(second.select(".pages a[rel=prev]").attr("href")).isEqualTo("/en/search?q=" + word + "&sort=newest");
        assertThat(second.select(".pages a[rel=next]")).isEmpty();

        HttpResponse<String> beyond = http.get("/en/search?q=" + word + "&page=3");
        assertThat(beyond.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(beyond.body()).select(".results > li")).isEmpty();
    }

    @Test
    void highlightsMarkTheWordsAndEscapeTheText() throws Exception {
        String word = nonce();
        ArticleMother article = ArticleMother.article().title("Escaping " + word)
                .body("Compare a < b & c, and the code `<script>alert(1)</script>` next to " + word + " here.");
        writer.save(article.input());

        pathsFound("/en/search?q=" + word, 1);
        String body = http.get("/en/search?q=" + word).body();
        Document page = Jsoup.parse(body);
        assertThat(page.select(".results .fragment mark").eachText()).containsExactly(word);
        assertThat(page.select(".results script, .results b")).isEmpty();
        assertThat(body).contains("a &lt; b &amp; c").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<mark>" + word + "</mark>");
        assertThat(page.select(".results .fragment").text()).contains("<script>alert(1)</script>");
    }

    @Test
    void searchesOneLanguageUnlessAskedForAll() throws Exception {
        String word = nonce();
        ArticleMother english = ArticleMother.article().title("English " + word);
        ArticleMother arabic = ArticleMother.article().inLanguage("ar").writtenIn("ar").title("مقال " + word);
        writer.save(english.input());
        writer.save(arabic.input());
        pathsFound("/ar/search?q=" + word, 1);

        assertThat(pathsFound("/en/search?q=" + word, 1)).containsExactly(path(english));
        Document all = Jsoup.parse(http.get("/en/search?q=" + word + "&all=1").body());
        assertThat(all.select(".results h2 a").eachAttr("href"))
                .containsExactlyInAnyOrder(path(english), "/ar/articles/" + arabic.slug());
        assertThat(all.select(".results h2[lang=ar]").attr("dir")).isEqualTo("rtl");
        assertThat(all.select(".results .byline").eachText()).anyMatch(text -> text.startsWith("Arabic"));
        assertThat(all.select("#search-all").hasAttr("checked")).isTrue();
    }

    @Test
    void theApiAnswersWithTheSameResultsAsJson() throws Exception {
        String word = nonce();
        ArticleMother article = ArticleMother.article().title("Api " + word).standfirst("What the API returns.")
                .body("The body mentions " + word + " once.").publishedAt(OffsetDateTime.parse("2026-02-03T04:05:06Z"));
        writer.save(article.input());
        pathsFound("/en/search?q=" + word, 1);

        HttpResponse<String> response = http.get("/api/search?lang=en&q=" + word);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("total").asLong()).isEqualTo(1);
        assertThat(json.path("page").asInt()).isEqualTo(1);
        JsonNode result = json.path("results").get(0);
        assertThat(result.path("title").asString()).isEqualTo("Api " + word);
        assertThat(result.path("url").asString()).startsWith("http").endsWith(path(article));
        assertThat(result.path("standfirst").asString()).isEqualTo("What the API returns.");
        assertThat(result.path("fragment").asString()).contains("<mark>" + word + "</mark>");
        assertThat(result.path("language").asString()).isEqualTo("en");
        assertThat(result.path("publishedAt").asString()).isEqualTo("2026-02-03T04:05:06Z");

        HttpResponse<String> missing = http.get("/api/search?q=" + word, "Accept-Language", "ru");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).path("message").asString()).startsWith("Укажите язык");
        assertThat(http.get("/api/search?lang=xx&q=" + word).statusCode()).isEqualTo(404);
    }

    @Test
    void hostileQueriesGetAnAnswerAndNeverAServerError() {
        String longWords = "word ".repeat(2000);
        List<String> queries = List.of("", " ", "\"", "\"\"", "AND(", "OR)", "*", "?", "\\", "(((", ")))", "(a", "a)",
                "-", "+", "|", "~", "~2", "a~2", "-*", "\"unclosed phrase", "title:x", "[a TO z]", "{x}", "/regex/",
                "!", "&&", "NOT", "'", "%", "\u0000", "\uD83D\uDE00", "ا", "a*b*c*", "ab*", "*ab", "+-+-", "((a|b)+c)-",
                "a".repeat(500), "a".repeat(501), "x".repeat(10_000), longWords, "жжж ".repeat(125),
                "a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(9));
        List<String> failures = new ArrayList<>();
        for (String query : queries) {
            for (String extra : List.of("", "&all=1", "&sort=newest&page=2")) {
                for (String path : List.of("/en/search?q=", "/ru/search?q=", "/api/search?lang=en&q=")) {
                    HttpResponse<String> response = http.get(path + enc(query) + extra);
                    if (response.statusCode() >= 500 || (response.statusCode() != 200 && response.statusCode() != 400)) {
                        failures.add(response.statusCode() + " for " + path + abbreviated(query) + extra);
                    }
                }
            }
        }
        for (String parameters : List.of("page=0", "page=-1", "page=abc", "page=101", "page=99999999999", "from=yesterday",
                "to=2026-13-45", "from=99999-01-01", "region=%3Cscript%3E", "country=xyz", "tag=" + "a".repeat(300),
                "all=maybe", "sort=%00", "q=a&q=b", "q")) {
            for (String path : List.of("/en/search?", "/api/search?lang=en&")) {
                int status = http.get(path + parameters).statusCode();
                if (status != 200 && status != 400) {
                    failures.add(status + " for " + path + parameters);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void refusedSearchesSayWhyInTheReadersLanguage() {
        HttpResponse<String> tooLong = http.get("/ru/search?q=" + "a".repeat(501));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(tooLong.body());
        assertThat(page.select("html").attr("lang")).isEqualTo("ru");
        assertThat(page.select(".error").text()).isEqualTo("Слишком длинный запрос: используйте не больше 500 символов.");
        assertThat(page.select("#search-q").attr("value")).hasSize(500);

        HttpResponse<String> badDate = http.get("/de/search?q=x&from=gestern");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(badDate.body()).select(".error").text()).contains("Jahr-Monat-Tag");

        assertThat(http.get("/xx/search?q=war").statusCode()).isEqualTo(404);
    }

    @Test
    void offersACorrectionForAMisspelledWord() throws Exception {
        String word = nonce();
        writer.save(ArticleMother.article().title("Spelling " + word).body("The word " + word + " is here.").input());
        pathsFound("/en/search?q=" + word, 1);
        String misspelled = word.substring(0, 5) + (word.charAt(5) == 'x' ? 'y' : 'x') + word.substring(6);

        Document page = Jsoup.parse(http.get("/en/search?q=" + misspelled).body());
        assertThat(page.select(".results")).isEmpty();
        assertThat(page.select(".suggestion a").text()).isEqualTo(word);
        assertThat(page.select(".suggestion a").attr("href")).isEqualTo("/en/search?q=" + word);
    }

    @Test
    void anEditIsFoundWithinASecond() throws Exception {
        String before = nonce();
        String after = nonce();
        ArticleMother article = ArticleMother.article().title("Editable " + before);
        writer.save(article.input());
        pathsFound("/en/search?q=" + before, 1);

        writer.save(article.title("Edited " + after).input());
        Instant saved = Instant.now();

        assertThat(poll("/en/search?q=" + after, found -> found.size() == 1, WITHIN_A_SECOND))
                .as("found within a second of the save").containsExactly(path(article));
        assertThat(Duration.between(saved, Instant.now())).isLessThanOrEqualTo(WITHIN_A_SECOND);
        assertThat(paths(http.get("/en/search?q=" + before))).isEmpty();
    }

    @Test
    void anUnpublishedArticleDisappearsFromTheResults() throws Exception {
        String word = nonce();
        ArticleMother article = ArticleMother.article().title("Soon a draft " + word);
        writer.save(article.input());
        pathsFound("/en/search?q=" + word, 1);

        writer.save(article.draft().input());

        assertThat(poll("/en/search?q=" + word, List::isEmpty, WITHIN_A_SECOND)).isEmpty();
        ArticleMother draft = ArticleMother.article().title("Never published " + word).draft();
        writer.save(draft.input());
        // one thread applies the changes to the index in order: once an article saved after the draft is found,
        // whatever the draft's change did to the index is done
        String later = nonce();
        writer.save(ArticleMother.article().title("Saved after the draft " + later).input());
        pathsFound("/en/search?q=" + later, 1);
        assertThat(paths(http.get("/en/search?q=" + word))).isEmpty();
    }

    @Test
    void everyPageOfTheSiteHasALabelledSearchFormAndTheSearchPageIsNeverCached() {
        Document front = Jsoup.parse(http.get("/fr/").body());
        var form = front.selectFirst("header form[role=search]");
        assertThat(form).isNotNull();
        assertThat(form.attr("action")).isEqualTo("/fr/search");
        String id = form.select("input[name=q]").attr("id");
        assertThat(form.select("label[for=" + id + "]").text()).isEqualTo("Rechercher dans les articles");

        HttpResponse<String> search = http.get("/fr/search?q=guerre");
        assertThat(search.headers().firstValue("ETag")).isEmpty();
        assertThat(search.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-cache"));
        assertThat(search.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
    }

    @Test
    void theSearchPageIsValidHtml() throws Exception {
        String word = nonce();
        writer.save(ArticleMother.article().title("Valid " + word).regions("Valid region").countries("AM").tags("valid")
                .body("Text with " + word + " & <b>markup</b>.").input());
        writer.save(ArticleMother.article().inLanguage("ru").writtenIn("ru").title("Статья " + word).input());
        pathsFound("/en/search?q=" + word, 1);

        List<String> failures = new ArrayList<>();
        for (String path : List.of("/en/search", "/en/search?q=" + word, "/en/search?q=" + word + "&all=1&sort=newest",
                "/en/search?q=" + word + "x", "/ar/search?q=" + word + "&all=1", "/ru/search?q=" + "a".repeat(501),
                "/en/search?q=" + word + "&from=2020-01-01&to=2030-01-01&country=am")) {
            HtmlChecker.errors(http.get(path).body()).forEach(error -> failures.add(path + " " + error));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aSearchThatFindsNoFreeProcessorInTimeIsA503ThatSaysWhenToTryAgain() throws Exception {
        String word = nonce();
        writer.save(ArticleMother.article().title("Busy " + word).input());
        pathsFound("/en/search?q=" + word, 1);
        int processors = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < processors; i++) {
            index.slots().enter();
        }
        try {
            HttpResponse<String> page = http.get("/ru/search?q=" + word);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
            assertThat(Jsoup.parse(page.body()).select("[role=alert], .error").text()).isNotBlank()
                    .isNotEqualTo(Jsoup.parse(http.get("/en/search?q=" + word).body()).select("[role=alert], .error").text());
            assertThat(HtmlChecker.errors(page.body())).isEmpty();

            HttpResponse<String> api = http.get("/api/search?lang=en&q=" + word);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(api.body()).get("message").asText()).isNotBlank();
            assertThat(http.get("/en/").statusCode()).as("pages are served meanwhile").isEqualTo(200);
        } finally {
            for (int i = 0; i < processors; i++) {
                index.slots().leave();
            }
        }
        assertThat(paths(http.get("/en/search?q=" + word))).hasSize(1);
    }

    @Test
    void aQueryThatWouldCostTooMuchIsRefusedAndAllLanguagesCountEachLanguage() throws Exception {
        String word = nonce();
        writer.save(ArticleMother.article().title("Costly " + word).input());
        // at least five languages in the index, so that all of them cost more than one
        for (String language : List.of("ru", "uk", "es", "fr")) {
            writer.save(ArticleMother.article().inLanguage(language).writtenIn(language).title("Costly " + word).input());
        }
        for (String language : List.of("en", "ru", "uk", "es", "fr")) {
            pathsFound("/" + language + "/search?q=" + word, 1);
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            words.add(nonce());
        }
        String longQuery = enc(String.join(" | ", words) + " | " + word);

        assertThat(http.get("/en/search?q=" + longQuery).statusCode()).as("24 words in one language").isEqualTo(200);
        HttpResponse<String> everywhere = http.get("/en/search?all=1&q=" + longQuery);
        assertThat(everywhere.statusCode()).as("the same words in every language").isEqualTo(400);
        assertThat(Jsoup.parse(everywhere.body()).text()).contains("too many words");
        assertThat(http.get("/api/search?lang=en&all=1&q=" + longQuery).statusCode()).isEqualTo(400);

        String prefixes = enc(String.join(" ", words.stream().map(w -> w.substring(0, 4) + "*").toList()));
        assertThat(http.get("/en/search?q=" + prefixes).statusCode()).as("24 prefixes").isEqualTo(400);
        assertThat(http.get("/en/search?q=" + enc(String.join(" ", words.subList(0, 4)))).statusCode()).isEqualTo(200);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** Waits (indexing is asynchronous) until the search finds at least {@code count} articles; returns their paths. */
    private List<String> pathsFound(String path, int count) throws InterruptedException {
        List<String> found = poll(path, paths -> paths.size() >= count, SETUP);
        assertThat(found).as(path).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    private List<String> poll(String path, Predicate<List<String>> done, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        List<String> found = paths(http.get(path));
        while (!done.test(found) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            found = paths(http.get(path));
        }
        return found;
    }

    private static List<String> paths(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body()).select(".results h2 a").eachAttr("href");
    }

    private static String path(ArticleMother article) {
        return "/" + article.input().language() + "/articles/" + article.slug();
    }

    /** A word no other test and no demo article uses: ten random Latin letters. */
    private static String nonce() {
        StringBuilder word = new StringBuilder("q");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String query) {
        return query.length() > 40 ? query.substring(0, 40) + "… (" + query.length() + " chars)" : query;
    }
}
