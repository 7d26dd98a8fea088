package org.iskra.newsletter;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.ArticleDesk;
import org.iskra.articles.PublishedArticle;
import org.iskra.privacy.Actor;
import org.iskra.site.ActingStaff;
import org.iskra.site.NotFoundException;
import org.iskra.site.PageRenderer;
import org.iskra.site.Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
    private final ArticleDesk desk;
    private final ArticleCatalog catalog;
    private final PageRenderer renderer;

    NewsletterAdminController(NewsletterStats stats, Mailings mailings, SendStore sends, Subscriptions subscriptions,
                              ArticleDesk desk, ArticleCatalog catalog, PageRenderer renderer) {
        this.stats = stats;
        this.mailings = mailings;
        this.sends = sends;
        this.subscriptions = subscriptions;
        this.desk = desk;
        this.catalog = catalog;
        this.renderer = renderer;
    }

    @GetMapping("/admin/newsletter")
    ResponseEntity<byte[]> overview(@RequestParam(required = false) String sent, Reader reader, ActingStaff staff) {
        AdminPages.Overview page = new AdminPages.Overview(reader.backOfficeFrame("newsletter.admin.title"),
                stats.overview(reader.language(), Actor.of(staff)), sent != null && sent.matches("[0-9]{1,18}"));
        return renderer.privatePage(HttpStatus.OK, "newsletter/admin.jte", page, reader.language());
    }

    @GetMapping("/admin/newsletter/send/{id}")
    ResponseEntity<byte[]> confirmSend(@PathVariable("id") String translationId, Reader reader) {
        PublishedArticle article = published(translationId);
        return sendPage(HttpStatus.OK, article, reader);
    }

    @PostMapping("/admin/newsletter/send/{id}")
    ResponseEntity<byte[]> send(@PathVariable("id") String translationId, Reader reader, ActingStaff staff) {
        PublishedArticle article = published(translationId);
        if (sends.singleOf(article.translationId()).isPresent()) {
            return sendPage(HttpStatus.CONFLICT, article, reader);
        }
        long id = mailings.single(article, Actor.of(staff));
        return PageRenderer.seeOther("/admin/newsletter?sent=" + id);
    }

    @GetMapping("/admin/newsletter/unsubscribe")
    ResponseEntity<byte[]> unsubscribeForm(Reader reader) {
        return unsubscribePage(HttpStatus.OK, null, null, reader);
    }

    /** Someone wrote to the unsubscribe address: their address, or the code in the mail's subject, ends it. */
    @PostMapping("/admin/newsletter/unsubscribe")
    ResponseEntity<byte[]> unsubscribe(@RequestParam(required = false) String request, Reader reader,
                                       ActingStaff staff) {
        String given = request == null ? "" : request.strip();
        if (given.isEmpty() || given.length() > 400) {
            return unsubscribePage(HttpStatus.BAD_REQUEST, null, "newsletter.admin.unsubscribe.error", reader);
        }
        boolean done = subscriptions.unsubscribeRequest(given, Actor.of(staff));
        return unsubscribePage(HttpStatus.OK, done ? "newsletter.admin.unsubscribe.done" : "newsletter.admin.unsubscribe.none",
                null, reader);
    }

    private ResponseEntity<byte[]> sendPage(HttpStatus status, PublishedArticle article, Reader reader) {
        AdminPages.Send page = new AdminPages.Send(reader.backOfficeFrame("newsletter.admin.send.title"),
                article, mailings.audienceOf(article),
                sends.singleOf(article.translationId()).map(SendStore.Send::createdAt).orElse(null));
        return renderer.privatePage(status, "newsletter/send.jte", page, reader.language());
    }

    private ResponseEntity<byte[]> unsubscribePage(HttpStatus status, String notice, String error, Reader reader) {
        AdminPages.Unsubscribe page = new AdminPages.Unsubscribe(
                reader.backOfficeFrame("newsletter.admin.unsubscribe.title"), notice, error);
        return renderer.privatePage(status, "newsletter/unsubscribe-request.jte", page, reader.language());
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
}
