package org.iskra.editor;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.iskra.articles.ArticleWriter;
import org.iskra.scheduling.SingleNodeJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled translations when their time comes. Every node asks on its schedule and one of them does it;
 * what is due is read from the database, so a node that was down catches up at its next run.
 */
@Component
class ScheduledPublishing {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final SingleNodeJobs jobs;
    private final ArticleWriter writer;

    ScheduledPublishing(SingleNodeJobs jobs, ArticleWriter writer) {
        this.jobs = jobs;
        this.writer = writer;
    }

    @Scheduled(fixedDelayString = "${iskra.editor.publish-interval:30s}", initialDelayString = "${iskra.editor.publish-interval:30s}")
    void publishDue() {
        try {
            jobs.runAlone("publish-scheduled", Duration.ofMinutes(5), () -> {
                int published = writer.publishDue(OffsetDateTime.now(ZoneOffset.UTC));
                if (published > 0) {
                    log.info("Published {} scheduled translation(s)", published);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not publish scheduled translations; trying again at the next run", e);
        }
    }
}
