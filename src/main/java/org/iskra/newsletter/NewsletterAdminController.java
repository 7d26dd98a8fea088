package org.iskra.newsletter;

import java.net.URI;
import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.ArticleDesk;
import org.iskra.articles.PublishedArticle;
import org.iskra.privacy.Actor;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.iskra.site.StaffDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The newsletter in the back office, for editors and administrators: the counts and growth of the list and each
 * mailing's counts; sending one published translation now, after a page that names how many will get it; and, for
 * administrators, unsubscribing someone who wrote to the unsubscribe address.
 */
@Controller
class NewsletterAdminController {

    private final NewsletterStats stats;
    private final Mailings mailings;
    private final SendStore sends;
    private final Subscriptions subscriptions;
    private final SubscriberLinks links;
    private final ArticleDesk desk;
    private final ArticleCatalog catalog;
    private final Languages languages;
    private final PageFrames frames;
    private final PageRenderer renderer;
    private final StaffDirectory staff;

    NewsletterAdminController(NewsletterStats stats, Mailings mailings, SendStore sends, Subscriptions subscriptions,
                              SubscriberLinks links, ArticleDesk desk, ArticleCatalog catalog, Languages languages,
                              PageFrames frames, PageRenderer renderer, StaffDirectory staff) {
        this.stats = stats;
        this.mailings = mailings;
        this.sends = sends;
        this.subscriptions = subscriptions;
        this.links = links;
        this.desk = desk;
        this.catalog = catalog;
        this.languages = languages;
        this.frames = frames;
        this.renderer = renderer;
        this.staff = staff;
    }

    @GetMapping("/admin/newsletter")
    ResponseEntity<byte[]> overview(@RequestParam(required = false) String sent, HttpServletRequest request, Principal principal) {
        Language reader = languages.preferredBy(request);
        Messages t = frames.messages(reader);
        AdminPages.Overview page = new AdminPages.Overview(frames.backOfficeFrame(reader, t.get("newsletter.admin.title")),
                stats.overview(reader, actor(request, principal)), sent != null && sent.matches("[0-9]{1,18}"));
        return renderer.privatePage(HttpStatus.OK, "newsletter/admin.jte", page, reader);
    }

    @GetMapping("/admin/newsletter/send/{id}")
    ResponseEntity<byte[]> confirmSend(@PathVariable("id") String translationId, HttpServletRequest request, CsrfToken csrf) {
        PublishedArticle article = published(translationId);
        return sendPage(HttpStatus.OK, article, request, csrf);
    }

    @PostMapping("/admin/newsletter/send/{id}")
    ResponseEntity<byte[]> send(@PathVariable("id") String translationId, HttpServletRequest request, Principal principal,
                                CsrfToken csrf) {
        PublishedArticle article = published(translationId);
        if (sends.singleOf(article.translationId()).isPresent()) {
            return sendPage(HttpStatus.CONFLICT, article, request, csrf);
        }
        long id = mailings.single(article, actor(request, principal));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/admin/newsletter?sent=" + id)).build();
    }

    @GetMapping("/admin/newsletter/unsubscribe")
    ResponseEntity<byte[]> unsubscribeForm(HttpServletRequest request, CsrfToken csrf) {
        return unsubscribePage(HttpStatus.OK, null, null, request, csrf);
    }

    /** Someone wrote to the unsubscribe address: their address, or the code in the mail's subject, ends it. */
    @PostMapping("/admin/newsletter/unsubscribe")
    ResponseEntity<byte[]> unsubscribe(@RequestParam(required = false) String request, HttpServletRequest http,
                                       Principal principal, CsrfToken csrf) {
        String given = request == null ? "" : request.strip();
        if (given.isEmpty() || given.length() > 400) {
            return unsubscribePage(HttpStatus.BAD_REQUEST, null, "newsletter.admin.unsubscribe.error", http, csrf);
        }
        boolean done = subscriptions.unsubscribeRequest(given, actor(http, principal));
        return unsubscribePage(HttpStatus.OK, done ? "newsletter.admin.unsubscribe.done" : "newsletter.admin.unsubscribe.none",
                null, http, csrf);
    }

    private ResponseEntity<byte[]> sendPage(HttpStatus status, PublishedArticle article, HttpServletRequest request,
                                            CsrfToken csrf) {
        Language reader = languages.preferredBy(request);
        Messages t = frames.messages(reader);
        AdminPages.Send page = new AdminPages.Send(frames.backOfficeFrame(reader, t.get("newsletter.admin.send.title")),
                article, mailings.audienceOf(article),
                sends.singleOf(article.translationId()).map(SendStore.Send::createdAt).orElse(null),
                csrf.getParameterName(), csrf.getToken());
        return renderer.privatePage(status, "newsletter/send.jte", page, reader);
    }

    private ResponseEntity<byte[]> unsubscribePage(HttpStatus status, String notice, String error,
                                                   HttpServletRequest request, CsrfToken csrf) {
        Language reader = languages.preferredBy(request);
        Messages t = frames.messages(reader);
        AdminPages.Unsubscribe page = new AdminPages.Unsubscribe(
                frames.backOfficeFrame(reader, t.get("newsletter.admin.unsubscribe.title")), notice, error,
                csrf.getParameterName(), csrf.getToken());
        return renderer.privatePage(status, "newsletter/unsubscribe-request.jte", page, reader);
    }

    private PublishedArticle published(String translationId) {
        if (!translationId.matches("[0-9]{1,18}")) {
            throw new NotFoundException();
        }
        ArticleDesk.Draft draft = desk.draft(Long.parseLong(translationId)).orElseThrow(NotFoundException::new);
        return catalog.published(draft.language(), draft.slug())
                .filter(a -> a.translationId() == draft.translationId())
                .orElseThrow(NotFoundException::new);
    }

    private Actor actor(HttpServletRequest request, Principal principal) {
        return new Actor(staff.idOf(principal.getName()).orElseThrow(NotFoundException::new), request.getRemoteAddr());
    }
}
