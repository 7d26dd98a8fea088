package org.iskra.site;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How often public pages are read, so that translators start with what readers most need. Counted in memory as
 * pages are served (cache hits included, which is most reads) and added to the database once a minute by each node:
 * one write per page per minute, not one per read. Nothing about the reader is kept: no address, no cookie, only a
 * number per page and day. Robots and scripts that say what they are are not counted.
 */
@Component
public class PageReads {

    static final String SUBJECT_ATTRIBUTE = PageReads.class.getName() + ".subject";

    private static final Logger log = LoggerFactory.getLogger(PageReads.class);
    private static final Pattern ROBOT = Pattern.compile(
            "(?i)bot|crawl|spider|slurp|preview|monitor|feed|fetch|curl|wget|python|java|http-?client|okhttp|go-http|libwww|headless");
    /** Readers' browsers send a handful of distinct strings: remember the verdict rather than match every request. */
    private static final int AGENTS_REMEMBERED = 10_000;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> people = new ConcurrentHashMap<>();
    private final List<ReadCountSink> sinks;

    PageReads(List<ReadCountSink> sinks) {
        this.sinks = sinks;
    }

    /** Tells the page cache filter that serving this response is a read of {@code subject}, e.g. {@code 12:en}. */
    public static void markRead(HttpServletRequest request, String subject) {
        request.setAttribute(SUBJECT_ATTRIBUTE, subject);
    }

    static String subjectOf(HttpServletRequest request) {
        return (String) request.getAttribute(SUBJECT_ATTRIBUTE);
    }

    /** Counts one read of {@code subject} by a person, as far as the request tells. */
    void count(String subject, HttpServletRequest request) {
        if (subject == null || !"GET".equals(request.getMethod())) {
            return;
        }
        if (isPerson(request.getHeader("User-Agent"))) {
            counts.computeIfAbsent(subject, s -> new LongAdder()).increment();
        }
    }

    private boolean isPerson(String agent) {
        if (agent == null || agent.isBlank()) {
            return false;
        }
        Boolean person = people.get(agent);
        if (person == null) {
            person = !ROBOT.matcher(agent).find();
            if (people.size() < AGENTS_REMEMBERED) {
                people.put(agent, person);
            }
        }
        return person;
    }

    /**
     * Hands what was counted since the last flush to the sinks. If a sink fails (the database is away), the counts
     * are kept for the next flush rather than lost. A read counted at the very instant of a flush may be missed
     * ({@link LongAdder#sumThenReset} is not atomic): these figures rank articles, they do not bill anyone.
     */
    @Scheduled(fixedDelayString = "${iskra.reads.flush-interval:60s}", initialDelayString = "${iskra.reads.flush-interval:60s}")
    public synchronized void flush() {
        Map<String, Long> reads = new HashMap<>();
        counts.forEach((subject, adder) -> {
            long n = adder.sumThenReset();
            if (n > 0) {
                reads.put(subject, n);
            }
        });
        if (reads.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            for (ReadCountSink sink : sinks) {
                sink.add(today, reads);
            }
        } catch (RuntimeException e) {
            reads.forEach((subject, n) -> counts.computeIfAbsent(subject, s -> new LongAdder()).add(n));
            log.warn("Could not store {} pages' read counts; keeping them for the next try", reads.size(), e);
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }
}
