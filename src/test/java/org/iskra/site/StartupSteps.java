package org.iskra.site;

import java.util.ArrayList;
import java.util.List;

import org.iskra.IskraApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/** Prints the slowest steps of a start (bean instantiations with their own time), for finding start-up work. */
public final class StartupSteps {
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(IskraApplication.class);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(20000);
        app.setApplicationStartup(startup);
        app.run(args).close();
        List<StartupTimeline.TimelineEvent> events = new ArrayList<>(startup.getBufferedTimeline().getEvents());
        events.sort((a, b) -> b.getDuration().compareTo(a.getDuration()));
        for (var e : events.subList(0, Math.min(60, events.size()))) {
            StringBuilder tags = new StringBuilder();
            e.getStartupStep().getTags().forEach(t -> tags.append(t.getKey()).append('=').append(t.getValue()).append(' '));
            System.out.printf("%6d ms %s %s%n", e.getDuration().toMillis(), e.getStartupStep().getName(), tags.toString().replaceAll("\\s+", " ").substring(0, Math.min(150, tags.length())));
        }
    }
}
