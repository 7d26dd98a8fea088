package org.iskra.scheduling;

import org.iskra.site.CommandLine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Periodic work (the mail worker, the change follower, scheduled publishing, reminders, retention, read counts,
 * the media cache's trim) runs on nodes only: a command started from the jar ({@code import}, {@code backup},
 * {@code restore}, {@code keys}, {@code reindex}) does its own work and exits, sending no mail and publishing nothing
 * meanwhile ({@link CommandLine} turns {@value CommandLine#SCHEDULING} off for them).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = CommandLine.SCHEDULING, matchIfMissing = true)
@EnableScheduling
class Scheduling {
}
