package org.iskra.newsletter;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.PublishedArticle;
import org.iskra.mail.BulkOutbox;
import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.site.Language;
import org.iskra.site.PageFrames;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.taxonomy.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queuing a mailing: what it says is kept as it is now (title, standfirst, link, lead image, regions of each
 * article), then one copy per recipient is queued in the bulk outbox by the database itself (INSERT … SELECT), a
 * range of subscriber ids per statement: no recipient passes through the node's memory, and no statement grows with
 * the list. Each mailing is a read of the list and leaves an audit row.
 */
@Service
class Mailings {

    private static final Logger log = LoggerFactory.getLogger(Mailings.class);
    /** Subscriber ids per INSERT … SELECT. */
    private static final long IDS_PER_SLICE = 20_000;

    /** A mailing about to be queued: what it carries and who gets it. */
    record Plan(List<SendStore.SentArticle> articles, SubscriberStore.Audience audience) {
    }

    private final SendStore sends;
    private final SubscriberStore subscribers;
    private final BulkOutbox bulk;
    private final ArticleCatalog catalog;
    private final Taxonomy taxonomy;
    private final MediaLibrary media;
    private final PageFrames frames;
    private final AuditLog audit;

    Mailings(SendStore sends, SubscriberStore subscribers, BulkOutbox bulk, ArticleCatalog catalog, Taxonomy taxonomy,
             MediaLibrary media, PageFrames frames, AuditLog audit) {
        this.sends = sends;
        this.subscribers = subscribers;
        this.bulk = bulk;
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.media = media;
        this.frames = frames;
        this.audit = audit;
    }

    /**
     * Queues the language's digest of what was published since the last one, if anything was, and sets when the
     * next one is due, in one transaction: a node that dies halfway leaves neither.
     */
    @Transactional
    public Optional<Long> digest(Language language, OffsetDateTime nextDue) {
        sends.digestDue(language.code(), nextDue);
        List<SendStore.Waiting> waiting = sends.waiting(language.code());
        List<PublishedArticle> articles = new ArrayList<>();
        for (SendStore.Waiting w : waiting) {
            catalog.published(w.articleId()).stream()
                    .filter(a -> a.language().equals(language.code()) && a.translationId() == w.translationId())
                    .findFirst().ifPresent(articles::add);
        }
        if (articles.isEmpty()) {
            // what waited was unpublished meanwhile: nothing to send, and nothing to keep waiting
            sends.carried(waiting.stream().map(SendStore.Waiting::translationId).toList(), 0);
            return Optional.empty();
        }
        String subject = frames.messages(language).get("newsletter.digest.subject", articles.size(),
                frames.messages(language).get("site.name"));
        long id = queue("digest", language, subject, plan(language, articles), null, Actor.ISKRA);
        sends.carried(waiting.stream().map(SendStore.Waiting::translationId).toList(), id);
        return Optional.of(id);
    }

    /** How many would get this translation if it were sent now. */
    @Transactional(readOnly = true)
    public long audienceOf(PublishedArticle article) {
        return subscribers.audienceSize(plan(new Language(article.language()), List.of(article)).audience());
    }

    /** Sends one published translation to its language's subscribers now, by an editor's decision. */
    @Transactional
    public long single(PublishedArticle article, Actor editor) {
        Language language = new Language(article.language());
        long id = queue("single", language, article.title(), plan(language, List.of(article)), editor.staffUserId(), editor);
        sends.carried(List.of(article.translationId()), id);
        return id;
    }

    private long queue(String kind, Language language, String subject, Plan plan, Long queuedBy, Actor actor) {
        long started = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id = sends.insert(kind, language.code(), subject, queuedBy, now);
        sends.articles(id, plan.articles());
        int recipients = 0;
        Optional<long[]> ids = subscribers.confirmedIds();
        if (ids.isPresent()) {
            for (long after = ids.get()[0] - 1; after < ids.get()[1]; after += IDS_PER_SLICE) {
                recipients += bulk.enqueue(Subscriptions.BULK_KIND, id, language.code(),
                        subscribers.audience(plan.audience(), after, Math.min(after + IDS_PER_SLICE, ids.get()[1])));
            }
        }
        sends.recipients(id, recipients);
        audit.record(actor, "newsletter.send", "newsletter_send", String.valueOf(id), null,
                "kind=" + kind + " language=" + language.code() + " recipients=" + recipients);
        log.info("Newsletter {} {} ({}) queued for {} recipients in {} ms", kind, id, language.code(), recipients,
                (System.nanoTime() - started) / 1_000_000);
        return id;
    }

    private Plan plan(Language language, List<PublishedArticle> articles) {
        List<SendStore.SentArticle> kept = new ArrayList<>();
        Set<String> regions = new HashSet<>();
        boolean everyone = false;
        for (PublishedArticle article : articles) {
            List<String> slugs = taxonomy.termsOf(article.articleId(), language.code()).regions().stream().map(Term::slug).toList();
            everyone |= slugs.isEmpty();
            regions.addAll(slugs);
            kept.add(new SendStore.SentArticle(kept.size(), article.translationId(), article.title(), article.standfirst(),
                    article.path(), leadImage(article), slugs.isEmpty() ? null : String.join(",", slugs)));
        }
        return new Plan(kept, new SubscriberStore.Audience(language.code(), everyone, regions));
    }

    /** The lead image's path on the site (the mail links it, never carries it), or null. */
    private String leadImage(PublishedArticle article) {
        if (article.leadMediaId() == null) {
            return null;
        }
        return media.findById(article.leadMediaId()).filter(image -> !image.variants("jpeg").isEmpty())
                .map(MediaImage::fallback).map(v -> v.url()).orElse(null);
    }
}
