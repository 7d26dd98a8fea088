package org.iskra.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.iskra.site.IskraProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?lang=&q=}: the search page's results as JSON, with the same parameters ({@code region},
 * {@code country}, {@code tag}, {@code from}, {@code to}, {@code all}, {@code sort}, {@code page}). Errors are JSON
 * too, with a message in the language asked for (or the one the client's {@code Accept-Language} prefers).
 */
@Conditional(SearchEnabled.class)
@RestController
class SearchApiController {

    private final Languages languages;
    private final PageFrames frames;
    private final SearchGate gate;
    private final int pageSize;

    SearchApiController(Languages languages, PageFrames frames, SearchGate gate, IskraProperties properties) {
        this.languages = languages;
        this.frames = frames;
        this.gate = gate;
        this.pageSize = properties.pageSize();
    }

    /** One found translation; {@code fragment} is HTML: escaped text with the matched words in {@code <mark>}. */
    record Result(String title, String url, String standfirst, String fragment, String language, String publishedAt) {
    }

    /** {@code total} is exact when {@code totalExact}, else a lower bound ("more than"). */
    record Results(String query, String language, boolean allLanguages, long total, boolean totalExact, int page,
                   int pageSize, int pageCount, String suggestion, List<Result> results) {
    }

    record Problem(int status, String message) {
    }

    @GetMapping("/api/search")
    ResponseEntity<Object> search(@RequestParam(required = false) String lang, SearchForm form, HttpServletRequest request) {
        if (lang == null || lang.isBlank()) {
            Messages t = frames.messages(languages.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
            return problem(HttpStatus.BAD_REQUEST, t.get("search.error.language-missing"));
        }
        Language language = languages.find(lang).orElse(null);
        if (language == null) {
            Messages t = frames.messages(languages.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
            return problem(HttpStatus.NOT_FOUND, t.get("search.error.language-unknown"));
        }
        Messages t = frames.messages(language);
        try {
            SearchQuery query = form.toQuery(language.code(), pageSize);
            SearchResults found = gate.search(query, request);
            List<Result> results = found.hits().stream()
                    .map(hit -> new Result(hit.title(), frames.absolute(hit.path()), hit.standfirst(), hit.fragmentHtml(),
                            hit.language(), hit.publishedAt().toInstant().toString()))
                    .toList();
            return json(HttpStatus.OK, new Results(query.text(), language.code(), query.allLanguages(), found.total(),
                    found.totalExact(), found.page(), found.pageSize(), found.pageCount(), found.suggestion(), results));
        } catch (SearchForm.InvalidSearch e) {
            return problem(HttpStatus.BAD_REQUEST, t.get(e.key(), e.arguments()));
        } catch (QueryTooComplexException e) {
            return problem(HttpStatus.BAD_REQUEST, t.get("search.error.too-complex"));
        } catch (SearchGate.Refused e) {
            return ResponseEntity.status(e.status())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.noCache())
                    .body(new Problem(e.status(), t.get(e.key())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String message) {
        return json(status, new Problem(status.value(), message));
    }

    private static ResponseEntity<Object> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .body(body);
    }
}
