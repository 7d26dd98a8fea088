package org.iskra.newsletter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.iskra.mail.BulkOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The subscriber tables: {@code newsletter_subscriber} and the languages and regions each one chose. */
@Repository
class SubscriberStore {

    /** A subscriber as stored: the address still sealed. */
    record Row(long id, String email, String linkId, String language, String status, int refusals, String sourcePath,
               OffsetDateTime createdAt, OffsetDateTime confirmedAt, OffsetDateTime endedAt) {

        boolean active() {
            return "pending".equals(status) || "confirmed".equals(status);
        }
    }

    /** Whom a mailing goes to: the languages' subscribers, those with chosen regions only if they meet the articles'. */
    record Audience(String language, boolean everyone, Set<String> regions) {

        /** Never an empty IN list in SQL: a slug no region has stands in for none. */
        List<String> regionList() {
            return regions.isEmpty() ? List.of("") : List.copyOf(regions);
        }
    }

    /** What a copy needs of its recipient. */
    record Recipient(long id, String email, String linkId, String status, Set<String> regions) {
    }

    private static final String COLUMNS = "id, email, link_id, language, status, refusals, source_path, created_at,"
            + " confirmed_at, ended_at";
    private static final String AUDIENCE = """
            from newsletter_subscriber s
            join newsletter_subscriber_language l on l.subscriber_id = s.id and l.language = :language
            where s.status = 'confirmed'
              and (:everyone = true
                   or not exists (select 1 from newsletter_subscriber_region r where r.subscriber_id = s.id)
                   or exists (select 1 from newsletter_subscriber_region r where r.subscriber_id = s.id
                                                                           and r.region_slug in (:regions)))
            """;

    private final JdbcClient jdbc;

    SubscriberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the row until commit, so two subscriptions of one address take turns. */
    Optional<Row> byEmailHash(String emailHash) {
        return jdbc.sql("select " + COLUMNS + " from newsletter_subscriber where email_hash = ? for update")
                .param(emailHash).query(Row.class).optional();
    }

    Optional<Row> byLinkId(String linkId) {
        return jdbc.sql("select " + COLUMNS + " from newsletter_subscriber where link_id = ? for update")
                .param(linkId).query(Row.class).optional();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from newsletter_subscriber where id = ? for update")
                .param(id).query(Row.class).optional();
    }

    long insert(String sealedEmail, String emailHash, String linkId, String language, String sourcePath, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into newsletter_subscriber (email, email_hash, link_id, language, status, source_path, created_at)
                        values (?, ?, ?, ?, 'pending', ?, ?)""")
                .params(sealedEmail, emailHash, linkId, language, sourcePath, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void choose(long id, List<String> languages, List<String> regions) {
        jdbc.sql("delete from newsletter_subscriber_language where subscriber_id = ?").param(id).update();
        jdbc.sql("delete from newsletter_subscriber_region where subscriber_id = ?").param(id).update();
        for (String language : languages) {
            jdbc.sql("insert into newsletter_subscriber_language (subscriber_id, language) values (?, ?)").params(id, language).update();
        }
        for (String region : regions) {
            jdbc.sql("insert into newsletter_subscriber_region (subscriber_id, region_slug) values (?, ?)").params(id, region).update();
        }
    }

    List<String> languages(long id) {
        return jdbc.sql("select language from newsletter_subscriber_language where subscriber_id = ? order by language")
                .param(id).query(String.class).list();
    }

    List<String> regions(long id) {
        return jdbc.sql("select region_slug from newsletter_subscriber_region where subscriber_id = ? order by region_slug")
                .param(id).query(String.class).list();
    }

    boolean confirm(long id, OffsetDateTime now) {
        return jdbc.sql("update newsletter_subscriber set status = 'confirmed', confirmed_at = ? where id = ? and status = 'pending'")
                .params(now, id).update() == 1;
    }

    /**
     * Ends a subscription: the address and its hash go, what identifies nobody stays for the counts. False when it
     * had ended before.
     */
    boolean end(long id, String status, OffsetDateTime now) {
        return jdbc.sql("""
                        update newsletter_subscriber set status = ?, ended_at = ?, email = null, email_hash = null
                         where id = ? and status in ('pending', 'confirmed')""")
                .params(status, now, id).update() == 1;
    }

    /** Counts a permanent refusal of the address; returns the count now. */
    int refuse(long id) {
        jdbc.sql("update newsletter_subscriber set refusals = refusals + 1 where id = ?").param(id).update();
        return jdbc.sql("select refusals from newsletter_subscriber where id = ?").param(id).query(Integer.class).single();
    }

    /**
     * The recipients of a mailing among subscribers {@code afterId} (excluded) to {@code upToId}, as a selection the
     * outbox copies without reading it: a slice of the list per statement, whatever its length.
     */
    BulkOutbox.Recipients audience(Audience audience, long afterId, long upToId) {
        return new BulkOutbox.Recipients("select s.id as recipient_ref " + AUDIENCE + " and s.id > :after and s.id <= :upto",
                Map.of("language", audience.language(), "everyone", audience.everyone(), "regions", audience.regionList(),
                        "after", afterId, "upto", upToId));
    }

    /** The lowest and highest id of a confirmed subscriber, or empty when there is none. */
    Optional<long[]> confirmedIds() {
        return jdbc.sql("select min(id), max(id) from newsletter_subscriber where status = 'confirmed'")
                .query((rs, row) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
    }

    long audienceSize(Audience audience) {
        return jdbc.sql("select count(*) " + AUDIENCE)
                .param("language", audience.language()).param("everyone", audience.everyone())
                .param("regions", audience.regionList())
                .query(Long.class).single();
    }

    /** The recipients of a batch of copies with their regions, in two queries. */
    Map<Long, Recipient> recipients(List<Long> ids) {
        Map<Long, List<String>> regions = new HashMap<>();
        jdbc.sql("select subscriber_id, region_slug from newsletter_subscriber_region where subscriber_id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    regions.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, Recipient> recipients = new HashMap<>();
        jdbc.sql("select id, email, link_id, status from newsletter_subscriber where id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    recipients.put(rs.getLong(1), new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), Set.copyOf(regions.getOrDefault(rs.getLong(1), List.of()))));
                });
        return recipients;
    }

    /** Unconfirmed subscriptions that arrived before {@code before}: retention erases them. */
    List<Row> pendingBefore(OffsetDateTime before, int limit) {
        return jdbc.sql("select " + COLUMNS + " from newsletter_subscriber where status = 'pending' and created_at < ?"
                        + " order by created_at fetch first ? rows only")
                .params(before, limit).query(Row.class).list();
    }

    /** Removes an unconfirmed subscription altogether: it never was one. */
    void delete(long id) {
        jdbc.sql("delete from newsletter_subscriber_language where subscriber_id = ?").param(id).update();
        jdbc.sql("delete from newsletter_subscriber_region where subscriber_id = ?").param(id).update();
        jdbc.sql("delete from newsletter_subscriber where id = ?").param(id).update();
    }

    /** Confirmed subscribers per language. */
    Map<String, Long> perLanguage() {
        return counts("""
                select l.language as k, count(*) as n from newsletter_subscriber s
                  join newsletter_subscriber_language l on l.subscriber_id = s.id
                 where s.status = 'confirmed' group by l.language order by n desc, k""");
    }

    /** Confirmed subscribers per chosen region; those who chose none under the empty key. */
    Map<String, Long> perRegion() {
        Map<String, Long> counts = counts("""
                select r.region_slug as k, count(*) as n from newsletter_subscriber s
                  join newsletter_subscriber_region r on r.subscriber_id = s.id
                 where s.status = 'confirmed' group by r.region_slug order by n desc, k""");
        counts.put("", jdbc.sql("""
                select count(*) from newsletter_subscriber s where s.status = 'confirmed'
                   and not exists (select 1 from newsletter_subscriber_region r where r.subscriber_id = s.id)""")
                .query(Long.class).single());
        return counts;
    }

    Map<String, Long> perStatus() {
        return counts("select status as k, count(*) as n from newsletter_subscriber group by status order by k");
    }

    /**
     * Per UTC day since {@code since}: how many subscriptions were confirmed [0], and how many once confirmed ended
     * [1], for the growth chart. Rows are read one by one, never kept.
     */
    Map<java.time.LocalDate, long[]> changesPerDay(OffsetDateTime since) {
        Map<java.time.LocalDate, long[]> days = new HashMap<>();
        jdbc.sql("select confirmed_at from newsletter_subscriber where confirmed_at >= ?")
                .param(since)
                .query(rs -> {
                    days.computeIfAbsent(day(rs.getObject(1, OffsetDateTime.class)), d -> new long[2])[0]++;
                });
        jdbc.sql("select ended_at from newsletter_subscriber where confirmed_at is not null and ended_at >= ?")
                .param(since)
                .query(rs -> {
                    days.computeIfAbsent(day(rs.getObject(1, OffsetDateTime.class)), d -> new long[2])[1]++;
                });
        return days;
    }

    private static java.time.LocalDate day(OffsetDateTime at) {
        return at.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).query(rs -> {
            counts.put(rs.getString("k"), rs.getLong("n"));
        });
        return counts;
    }
}
