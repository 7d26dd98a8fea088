package org.iskra.organizing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How well sections answer applicants: requests per day, hours from a request to its first contact (an organizer's
 * reply or status change; median and 90th percentile over the last 90 days) and requests overdue now. Shown on the
 * dashboard for the user's sections, and as gauges for every section, read from the database when scraped so every
 * node reports the same.
 */
@Component
class JoinMetrics {

    static final int DAYS = 14;
    private static final Duration CONTACT_WINDOW = Duration.ofDays(90);

    private final JdbcClient jdbc;

    JoinMetrics(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("iskra.join.overdue", () -> overdue(null, now())).description("join requests still new past their deadline")
                .register(meters);
        Gauge.builder("iskra.join.received.last_day", () -> receivedSince(now().minusDays(1)))
                .description("join requests received in the last 24 hours").register(meters);
        Gauge.builder("iskra.join.first_contact.median", () -> percentile(hoursToContact(null, now()), 50))
                .description("median hours from a join request to its first contact, last 90 days").baseUnit("hours")
                .register(meters);
        Gauge.builder("iskra.join.first_contact.p90", () -> percentile(hoursToContact(null, now()), 90))
                .description("90th percentile of hours from a join request to its first contact, last 90 days")
                .baseUnit("hours").register(meters);
    }

    /** @param sectionIds the sections to count, or null for all */
    JoinFigures figures(List<Long> sectionIds) {
        OffsetDateTime now = now();
        List<Double> hours = hoursToContact(sectionIds, now);
        return new JoinFigures(perDay(sectionIds, now), nullIfNaN(percentile(hours, 50)), nullIfNaN(percentile(hours, 90)),
                overdue(sectionIds, now), JoinFigures.histogram(hours), overdueBy("section_id", sectionIds, now),
                overdueBy("country_code", sectionIds, now));
    }

    /** Overdue requests now per value of one column (a section's id, a country's code), the most first. */
    private List<JoinFigures.Tally> overdueBy(String column, List<Long> sectionIds, OffsetDateTime now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("now", now);
        String sql = "select %s as tallied, count(*) as overdue from join_request where status = 'new' and due_at < :now%s"
                .formatted(column, sections(sectionIds, params))
                + " group by %s order by count(*) desc, %s".formatted(column, column);
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new JoinFigures.Tally(rs.getString("tallied"), rs.getLong("overdue"))).list();
    }

    private List<JoinFigures.DayCount> perDay(List<Long> sectionIds, OffsetDateTime now) {
        LocalDate today = now.toLocalDate();
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        for (int i = DAYS - 1; i >= 0; i--) {
            counts.put(today.minusDays(i), 0L);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("since", today.minusDays(DAYS - 1).atStartOfDay().atOffset(ZoneOffset.UTC));
        jdbc.sql("select created_at from join_request where created_at >= :since" + sections(sectionIds, params))
                .params(params)
                .query((rs, n) -> rs.getObject("created_at", OffsetDateTime.class)).list()
                .forEach(at -> counts.merge(at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(), 1L, Long::sum));
        List<JoinFigures.DayCount> days = new ArrayList<>();
        counts.forEach((day, n) -> days.add(new JoinFigures.DayCount(day, n)));
        return days;
    }

    private List<Double> hoursToContact(List<Long> sectionIds, OffsetDateTime now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("since", now.minus(CONTACT_WINDOW));
        String sql = """
                select r.created_at,
                       (select min(e.created_at) from join_event e
                         where e.request_id = r.id and e.actor_id is not null and e.kind in ('replied', 'status')) as contacted_at
                  from join_request r
                 where r.created_at >= :since""" + sections(sectionIds, params).replace("section_id", "r.section_id");
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> {
                    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
                    OffsetDateTime contacted = rs.getObject("contacted_at", OffsetDateTime.class);
                    return contacted == null ? null : Duration.between(created, contacted).toMinutes() / 60.0;
                })
                .list().stream().filter(h -> h != null).sorted().toList();
    }

    private long overdue(List<Long> sectionIds, OffsetDateTime now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("now", now);
        return jdbc.sql("select count(*) from join_request where status = 'new' and due_at < :now" + sections(sectionIds, params))
                .params(params).query(Long.class).single();
    }

    private long receivedSince(OffsetDateTime since) {
        return jdbc.sql("select count(*) from join_request where created_at >= ?").param(since).query(Long.class).single();
    }

    /** Nearest-rank percentile of sorted values; NaN for none (a gauge's "no value"). */
    static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String sections(List<Long> sectionIds, Map<String, Object> params) {
        if (sectionIds == null) {
            return "";
        }
        params.put("sections", sectionIds);
        return " and section_id in (:sections)";
    }

    private static Double nullIfNaN(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
