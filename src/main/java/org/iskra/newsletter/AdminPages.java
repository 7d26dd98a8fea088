package org.iskra.newsletter;

import java.time.OffsetDateTime;
import java.util.List;

import org.iskra.articles.PublishedArticle;
import org.iskra.charts.LineChart;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The models of the newsletter's back-office pages. */
public final class AdminPages {

    private AdminPages() {
    }

    /** One line of a count table: what is counted (a language code, a region slug; empty: no region chosen). */
    public record Count(String key, String label, long value) {
    }

    /** One mailing with its counts: from the outbox while it goes out, as kept once it finished. */
    public record SendLine(long id, String kind, String language, String subject, OffsetDateTime createdAt,
                           long queued, long sent, long refused, long failed, long pending, boolean finished) {
    }

    /** What staff see of the list: counts, never addresses. */
    public record Stats(long confirmed, long pending, long ended, List<Count> perLanguage, List<Count> perRegion,
                        SubscriberGrowth growth, List<SendLine> sends) {
    }

    /** The list's counts, its growth and the mailings; {@code justSent} after an editor queued one. */
    public record Overview(PageFrame frame, Stats stats, boolean justSent) {

        public Messages t() {
            return frame.t();
        }

        public LineChart growthChart() {
            return stats.growth().chart(frame.t());
        }
    }

    /** "Send to subscribers now": the translation, how many will get it, the earlier send of it if there was one. */
    public record Send(PageFrame frame, PublishedArticle article, long recipients, OffsetDateTime sentBefore) {

        public Messages t() {
            return frame.t();
        }
    }

    /** Unsubscribing someone who wrote to the unsubscribe address. */
    public record Unsubscribe(PageFrame frame, String notice, String error) {

        public Messages t() {
            return frame.t();
        }
    }
}
