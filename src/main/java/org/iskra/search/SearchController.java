package org.iskra.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /{lang}/search}: the reader's words in their language (or all), narrowed by region, country, tag and
 * date. Never kept by the page cache; a refused request is the same page with the reason and a 400.
 */
@Conditional(SearchEnabled.class)
@Controller
class SearchController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final SearchIndex index;
    private final SearchGate gate;
    private final SearchIndexer indexer;
    private final int pageSize;

    SearchController(Languages languages, PageFrames frames, PageRenderer renderer, SearchIndex index, SearchGate gate,
                     SearchIndexer indexer, IskraProperties properties) {
        this.gate = gate;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.index = index;
        this.indexer = indexer;
        this.pageSize = properties.pageSize();
    }

    @GetMapping("/{lang}/search")
    ResponseEntity<byte[]> search(@PathVariable String lang, SearchForm form, HttpServletRequest request) {
        Language language = languages.find(lang).orElseThrow(NotFoundException::new);
        Messages t = frames.messages(language);
        HttpStatus status = HttpStatus.OK;
        SearchResults results = null;
        String error = null;
        Long retryAfter = null;
        try {
            results = gate.search(form.toQuery(language.code(), pageSize), request);
        } catch (SearchForm.InvalidSearch e) {
            error = t.get(e.key(), e.arguments());
            status = HttpStatus.BAD_REQUEST;
        } catch (QueryTooComplexException e) {
            error = t.get("search.error.too-complex");
            status = HttpStatus.BAD_REQUEST;
        } catch (SearchGate.Refused e) {
            error = t.get(e.key());
            status = HttpStatus.valueOf(e.status());
            retryAfter = e.retryAfterSeconds();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SearchPage.Echo echo = echo(form);
        String action = "/" + language.code() + "/search";
        String title = echo.q().isEmpty() ? t.get("search.title") : t.get("search.title-for", echo.q());
        // the other languages' versions carry the words along, unless they were refused
        String words = echo.q().isEmpty() || error != null ? "" : SearchPage.href("", Map.of("q", echo.q()));
        // a page of results is not worth sharing: no Open Graph card
        PageFrame frame = frames.frame(language, title, t.get("site.tagline"), SearchPage.href(action, echo.parameters()),
                versions(words), "/" + languages.defaultLanguage().code() + "/search" + words).withSocial(null);
        SearchPage page = new SearchPage(frame, action, echo, filterOptions(language), results, error, indexer.rebuilding());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        return response
                .contentType(HTML)
                .header("Content-Language", language.code())
                // results change with every publication, and an endless space of them is no use to search engines
                .header("X-Robots-Tag", "noindex")
                .cacheControl(CacheControl.noCache())
                .body(renderer.render("search/search.jte", page));
    }

    private Map<String, String> versions(String words) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Language other : languages.all()) {
            versions.put(other.code(), "/" + other.code() + "/search" + words);
        }
        return versions;
    }

    private FilterOptions filterOptions(Language language) {
        try {
            return index.filterOptions(language.code());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values to show back in the form; an over-long query is cut to what the field accepts. */
    private static SearchPage.Echo echo(SearchForm form) {
        String q = form.q() == null ? "" : form.q().strip();
        if (q.length() > SearchForm.MAX_QUERY_LENGTH) {
            q = q.substring(0, q.offsetByCodePoints(0, Math.min(SearchForm.MAX_QUERY_LENGTH, q.codePointCount(0, q.length()))));
        }
        return new SearchPage.Echo(q, blankToNull(form.region()), blankToNull(form.country()), blankToNull(form.tag()),
                date(form.from()), date(form.to()), form.allLanguages(), "newest".equals(form.sort()));
    }

    /** A date field shows back only a date: anything else would make the page invalid HTML. */
    private static String date(String value) {
        try {
            return value == null || value.isBlank() ? null : java.time.LocalDate.parse(value.strip()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
