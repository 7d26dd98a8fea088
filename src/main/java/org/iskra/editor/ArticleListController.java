package org.iskra.editor;

import java.util.Arrays;
import java.util.List;

import org.iskra.articles.ArticleDesk;
import org.iskra.articles.EditorialStatus;
import org.iskra.articles.EditorialUser;
import org.iskra.site.IskraProperties;
import org.iskra.site.Languages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The back office's article list, filtered: authors see what they wrote, translators the translations into their
 * languages, editors and administrators everything.
 */
@Controller
class ArticleListController {

    private static final List<String> STATUSES = Arrays.stream(EditorialStatus.values()).map(EditorialStatus::value).toList();

    private final ArticleDesk desk;
    private final Languages languages;
    private final PageRenderer renderer;
    private final int pageSize;

    ArticleListController(ArticleDesk desk, Languages languages, PageRenderer renderer, IskraProperties properties) {
        this.desk = desk;
        this.languages = languages;
        this.renderer = renderer;
        this.pageSize = Math.max(20, properties.pageSize());
    }

    @GetMapping("/admin/articles")
    ResponseEntity<byte[]> list(@RequestParam(required = false) String language, @RequestParam(required = false) String status,
                                @RequestParam(required = false) String author, @RequestParam(required = false) String region,
                                @RequestParam(required = false) String tag, @RequestParam(required = false) String outdated,
                                @RequestParam(required = false) String q, @RequestParam(required = false, defaultValue = "1") String page,
                                EditorialUser user, Reader reader) {
        if (!page.matches("[1-9][0-9]{0,5}")) {
            throw new NotFoundException();
        }
        ArticleDesk.Filter filter = new ArticleDesk.Filter(user.listedLanguage(blank(language)), blank(status),
                user.listedAuthor(blank(author)), blank(region), blank(tag), "true".equals(outdated), blank(q));
        ArticleDesk.Page list = desk.list(filter, Integer.parseInt(page), pageSize);
        boolean everyone = user.seesEveryone();
        ArticleListPage model = new ArticleListPage(reader.backOfficeFrame("editor.list.title"), filter, list,
                languages.all(), STATUSES, everyone ? desk.creators() : List.of(), everyone, !user.translatorOnly());
        return renderer.privatePage(HttpStatus.OK, "editor/list.jte", model, reader.language());
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
