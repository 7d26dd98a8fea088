package org.iskra.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.iskra.site.Language;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of the search page: the form as the reader filled it in, what it offers to narrow by, and the results
 * (null when nothing was asked or the request was refused, with {@code error} saying why).
 */
public record SearchPage(PageFrame frame, String action, Echo form, FilterOptions options, SearchResults results,
                         String error, boolean indexing) {

    /** The form's values as they are shown back in it. */
    public record Echo(String q, String region, String country, String tag, String from, String to, boolean all,
                       boolean newest) {

        /** Whether the reader chose any filter: then even no words find something. */
        public boolean filtered() {
            return region != null || country != null || tag != null || from != null || to != null;
        }

        /** Whether any of the form's extra fields is set, to show them open. */
        public boolean narrowed() {
            return filtered() || all || newest;
        }

        Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("q", q);
            parameters.put("region", region);
            parameters.put("country", country);
            parameters.put("tag", tag);
            parameters.put("from", from);
            parameters.put("to", to);
            parameters.put("all", all ? "1" : null);
            parameters.put("sort", newest ? "newest" : null);
            return parameters;
        }
    }

    public Messages t() {
        return frame.t();
    }

    public boolean found() {
        return results != null && !results.hits().isEmpty();
    }

    /** Results go no deeper than {@link SearchForm#MAX_PAGE} pages: nobody reads that far, and it bounds the work. */
    public boolean hasNextPage() {
        return results != null && results.hasNext() && results.page() < SearchForm.MAX_PAGE;
    }

    public String pageHref(int page) {
        Map<String, String> parameters = form.parameters();
        parameters.put("page", page > 1 ? Integer.toString(page) : null);
        return href(action, parameters);
    }

    public String suggestionHref() {
        Map<String, String> parameters = form.parameters();
        parameters.put("q", results == null ? null : results.suggestion());
        return href(action, parameters);
    }

    /** A result in another language than the page's is marked as such, for screen readers and for direction. */
    public boolean foreign(SearchHit hit) {
        return !hit.language().equals(frame.language().code());
    }

    public String languageName(String code) {
        return t().languageName(code);
    }

    public String dir(String code) {
        return new Language(code).dir();
    }

    static String href(String path, Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return path + query;
    }
}
