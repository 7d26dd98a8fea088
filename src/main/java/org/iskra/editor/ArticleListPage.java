package org.iskra.editor;

import java.util.List;

import org.iskra.articles.ArticleDesk;
import org.iskra.site.Language;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of the back office's article list: the filters as given and one page of translations. */
public record ArticleListPage(PageFrame frame, ArticleDesk.Filter filter, ArticleDesk.Page list, List<Language> languages,
                       List<String> statuses, List<String> creators, boolean seesEveryone,
                       boolean writesArticles) {

    public Messages t() {
        return frame.t();
    }

    /** The address of another page of the same filtered list. */
    public String pagePath(int page) {
        StringBuilder query = new StringBuilder();
        add(query, "language", filter.language());
        add(query, "status", filter.status());
        if (seesEveryone) {
            add(query, "author", filter.createdBy());
        }
        add(query, "region", filter.region());
        add(query, "tag", filter.tag());
        add(query, "outdated", filter.outdated() ? "true" : "");
        add(query, "q", filter.query());
        add(query, "page", page <= 1 ? "" : String.valueOf(page));
        return "/admin/articles" + (query.length() == 0 ? "" : "?" + query);
    }

    private static void add(StringBuilder query, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
}
