package org.iskra.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.iskra.articles.ArticleOverview;
import org.iskra.articles.EditorialStatus;
import org.iskra.articles.EditorialUser;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.iskra.taxonomy.Taxonomy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The back office's article list: one row per article with a marker per site language. Authors see what they
 * wrote, translators what they may translate (published originals) and their own texts, with their languages
 * first; editors and administrators everything.
 */
@Controller
class ArticleListController {

    /** What the status filter offers: the editorial statuses, and "missing" for the work not yet started. */
    static final List<String> STATUSES;

    static {
        List<String> statuses = new ArrayList<>(Arrays.stream(EditorialStatus.values()).map(EditorialStatus::value).toList());
        statuses.add("missing");
        STATUSES = List.copyOf(statuses);
    }

    private final ArticleOverview overview;
    private final org.iskra.articles.ArticleDesk desk;
    private final Languages languages;
    private final Taxonomy taxonomy;
    private final PageRenderer renderer;
    private final int pageSize;

    ArticleListController(ArticleOverview overview, org.iskra.articles.ArticleDesk desk, Languages languages,
                          Taxonomy taxonomy, PageRenderer renderer, IskraProperties properties) {
        this.overview = overview;
        this.desk = desk;
        this.languages = languages;
        this.taxonomy = taxonomy;
        this.renderer = renderer;
        this.pageSize = Math.max(20, properties.pageSize());
    }

    @GetMapping("/admin/articles")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String language, @RequestParam(required = false) String status,
                                @RequestParam(required = false) String author, @RequestParam(required = false) String region,
                                @RequestParam(required = false) String tag, @RequestParam(required = false) String outdated,
                                @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                                @RequestParam(required = false, defaultValue = "1") String page,
                                EditorialUser user, Reader reader) {
        if (!page.matches("[1-9][0-9]{0,5}")) {
            throw new NotFoundException();
        }
        String asked = blank(language);
        List<String> codes = languages.all().stream().map(Language::code).toList();
        ArticleListPage.Asked filters = new ArticleListPage.Asked(codes.contains(asked) ? asked : "",
                STATUSES.contains(blank(status)) ? blank(status) : "", user.listedAuthor(blank(author)), blank(region),
                blank(tag), "true".equals(outdated), blank(q), "title".equals(sort) ? ArticleOverview.Sort.TITLE : ArticleOverview.Sort.CHANGED);
        ArticleOverview.Page list = overview.list(filters.toFilter(user.translatorOnly() ? user.translatesInto() : List.of(),
                codes.size()), Integer.parseInt(page), pageSize);
        List<String> ordered = user.ownLanguagesFirst(codes);
        List<ArticleRow> rows = list.rows().stream().map(row -> ArticleRow.of(row, user, ordered, filters.language())).toList();
        boolean everyone = user.seesEveryone();
        ArticleListPage model = new ArticleListPage(reader.backOfficeFrame("editor.list.title"), filters, list, rows,
                ordered, STATUSES, taxonomy.regions(reader.language().code()), everyone ? desk.creators() : List.of(),
                everyone, !user.translatorOnly());
        return renderer.privatePage(HttpStatus.OK, "editor/list.jte", model, reader.language());
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
