package org.iskra.articles;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the changes other nodes committed and announces them on this node, so that its page cache forgets
 * what another node changed within about a second. Changes made here are announced twice; evicting twice is
 * harmless.
 */
@Component
class ArticleChangeFollower {

    private static final Logger log = LoggerFactory.getLogger(ArticleChangeFollower.class);
    private static final int BATCH = 500;

    private final ArticleChangeLog changeLog;
    private final ApplicationEventPublisher events;
    private volatile long lastSeen = -1;

    ArticleChangeFollower(ArticleChangeLog changeLog, ApplicationEventPublisher events) {
        this.changeLog = changeLog;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${iskra.change-poll-interval:1s}", initialDelayString = "${iskra.change-poll-interval:1s}")
    void follow() {
        try {
            if (lastSeen < 0) {
                lastSeen = changeLog.latestId();
                return;
            }
            List<ArticleChangeLog.Entry> entries;
            do {
                entries = changeLog.after(lastSeen, BATCH);
                for (ArticleChangeLog.Entry entry : entries) {
                    events.publishEvent(entry.change());
                    lastSeen = entry.id();
                }
            } while (entries.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("Could not read the article change log; trying again shortly", e);
        }
    }

    /** A node that was down longer than this rebuilds from scratch anyway: its cache starts empty. */
    @Scheduled(cron = "0 17 3 * * *")
    void forgetOldChanges() {
        changeLog.deleteOlderThan(OffsetDateTime.now(ZoneOffset.UTC).minusDays(7));
    }

    long lastSeen() {
        return lastSeen;
    }
}
