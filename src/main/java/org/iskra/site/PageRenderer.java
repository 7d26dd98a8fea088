package org.iskra.site;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Renders a precompiled JTE template with its page model into the bytes of a response. */
@Component
public class PageRenderer {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public byte[] render(String template, Object model) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, model, output);
        return output.toByteArray();
    }

    /**
     * A public page that the page cache may keep until one of {@code cacheTags} changes.
     *
     * @param lastModified when what the page shows last changed, or null
     */
    public ResponseEntity<byte[]> publicPage(HttpServletRequest request, String template, Object model,
                                             Language language, OffsetDateTime lastModified, Set<String> cacheTags) {
        return publicPage(request, render(template, model), language, lastModified, cacheTags);
    }

    /** A public page already rendered (see {@code articles.SitePages}), cacheable like the one above. */
    public ResponseEntity<byte[]> publicPage(HttpServletRequest request, byte[] html, Language language,
                                             OffsetDateTime lastModified, Set<String> cacheTags) {
        PageCache.markCacheable(request, cacheTags);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(HTML)
                .header("Content-Language", language.code())
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic());
        if (lastModified != null) {
            response.lastModified(lastModified.toInstant());
        }
        return response.body(html);
    }

    public ResponseEntity<byte[]> errorPage(HttpStatus status, Object model, Language language) {
        return privatePage(status, "site/error.jte", model, language);
    }

    /**
     * A page no cache may keep: forms carrying tokens, the back office, errors. The page cache never sees it
     * because it is not marked cacheable, and {@code no-store} keeps browsers and proxies from keeping it.
     */
    public ResponseEntity<byte[]> privatePage(HttpStatus status, String template, Object model, Language language) {
        return ResponseEntity.status(status)
                .contentType(HTML)
                .header("Content-Language", language.code())
                .cacheControl(CacheControl.noStore())
                .body(render(template, model));
    }

    /**
     * The answer to a form that did what it asked (post, redirect, get): the browser fetches {@code location} next,
     * and a reload does not send the form again. Nothing may keep it: it follows a change.
     */
    public static ResponseEntity<byte[]> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location))
                .cacheControl(CacheControl.noStore()).build();
    }
}
