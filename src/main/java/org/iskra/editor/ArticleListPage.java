package org.iskra.editor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.iskra.articles.ArticleOverview;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;
import org.iskra.taxonomy.Term;

/**
 * The model of the back office's article list: the filters as asked, one page of articles as rows, and the site's
 * languages in this user's order (the order of every row's markers).
 */
public record ArticleListPage(PageFrame frame, Asked filter, ArticleOverview.Page list, List<ArticleRow> rows,
                              List<String> languages, List<String> statuses, List<Term> regions, List<String> creators,
                              boolean seesEveryone, boolean writesArticles) {

    /** The filters and the order as the list was asked for, checked: unknown values are "any". */
    public record Asked(String language, String status, String createdBy, String region, String tag, boolean outdated,
                        String query, ArticleOverview.Sort sort) {

        ArticleOverview.Filter toFilter(List<String> translatorLanguages, int siteLanguages) {
            return new ArticleOverview.Filter(language, status, createdBy, region, tag, outdated, query, sort,
                    translatorLanguages, siteLanguages);
        }

        public boolean byTitle() {
            return sort == ArticleOverview.Sort.TITLE;
        }
    }

    public Messages t() {
        return frame.t();
    }

    /** A marker's words for screen readers and tooltips: "Russian: outdated", "English: original, published". */
    public String label(Marker marker, ArticleRow row) {
        Messages t = frame.t();
        String state = t.get(marker.state().key());
        if (marker.state() == Marker.State.ORIGINAL && row.originalStatus() != null) {
            state = t.get("editor.list.marker.original-status", t.get("editor.status." + row.originalStatus()));
        }
        if (marker.state() == Marker.State.MISSING && marker.href() != null) {
            state = t.get("editor.list.marker.start");
        }
        return t.get("editor.list.marker.label", t.languageName(marker.language()), state);
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
        add(query, "sort", filter.byTitle() ? "title" : "");
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
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
