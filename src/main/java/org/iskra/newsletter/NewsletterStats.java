package org.iskra.newsletter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iskra.mail.BulkOutbox;
import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.site.Language;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.taxonomy.Term;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff see of the list: counts, never addresses. Reading them is a read of the list all the same, and is
 * audited.
 */
@Service
class NewsletterStats {

    static final int WEEKS = 26;

    private final SubscriberStore subscribers;
    private final SendStore sends;
    private final BulkOutbox bulk;
    private final Taxonomy taxonomy;
    private final AuditLog audit;

    NewsletterStats(SubscriberStore subscribers, SendStore sends, BulkOutbox bulk, Taxonomy taxonomy, AuditLog audit) {
        this.subscribers = subscribers;
        this.sends = sends;
        this.bulk = bulk;
        this.taxonomy = taxonomy;
        this.audit = audit;
    }

    @Transactional
    public AdminPages.Stats overview(Language reader, Actor actor) {
        Map<String, Long> statuses = subscribers.perStatus();
        long confirmed = statuses.getOrDefault("confirmed", 0L);
        List<AdminPages.Count> perLanguage = new ArrayList<>();
        subscribers.perLanguage().forEach((code, n) -> perLanguage.add(new AdminPages.Count(code, new Language(code).nameIn(reader), n)));
        List<AdminPages.Count> perRegion = new ArrayList<>();
        subscribers.perRegion().forEach((slug, n) -> perRegion.add(new AdminPages.Count(slug,
                slug.isEmpty() ? null : taxonomy.region(slug, reader.code()).map(Term::name).orElse(slug), n)));
        List<AdminPages.SendLine> lines = new ArrayList<>();
        for (SendStore.Send s : sends.latest(30)) {
            lines.add(line(s));
        }
        audit.record(actor, "newsletter.counts", "newsletter", null, null, "confirmed=" + confirmed);
        return new AdminPages.Stats(confirmed, statuses.getOrDefault("pending", 0L),
                statuses.entrySet().stream().filter(e -> !e.getKey().equals("confirmed") && !e.getKey().equals("pending"))
                        .mapToLong(Map.Entry::getValue).sum(),
                perLanguage, perRegion, growth(confirmed), lines);
    }

    private AdminPages.SendLine line(SendStore.Send s) {
        if (s.finishedAt() != null) {
            long queued = s.sent() + s.refused() + s.failed() + s.cancelled();
            return new AdminPages.SendLine(s.id(), s.kind(), s.language(), s.subject(), s.createdAt(), queued, s.sent(), s.refused(),
                    s.failed(), 0, true);
        }
        BulkOutbox.Counts c = bulk.counts(Subscriptions.BULK_KIND, s.id());
        return new AdminPages.SendLine(s.id(), s.kind(), s.language(), s.subject(), s.createdAt(), c.queued(), c.sent(), c.refused(),
                c.failed(), c.pending(), false);
    }

    /** Walks back from today's count through each day's confirmations and endings. */
    private SubscriberGrowth growth(long confirmedNow) {
        LocalDate today = OffsetDateTime.now(ZoneOffset.UTC).toLocalDate();
        LocalDate start = today.minusWeeks(WEEKS);
        Map<LocalDate, long[]> changes = subscribers.changesPerDay(start.atStartOfDay().atOffset(ZoneOffset.UTC));
        List<SubscriberGrowth.Point> points = new ArrayList<>();
        long active = confirmedNow;
        LocalDate day = today;
        for (int week = 0; week <= WEEKS; week++) {
            points.add(0, new SubscriberGrowth.Point(day, active));
            for (int i = 0; i < 7; i++) {
                long[] change = changes.get(day);
                if (change != null) {
                    active -= change[0] - change[1];
                }
                day = day.minusDays(1);
            }
        }
        return new SubscriberGrowth(points);
    }
}
