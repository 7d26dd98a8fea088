package org.iskra.newsletter;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Mailings and what they carry: {@code newsletter_send}, its articles, the articles waiting, each digest's due time. */
@Repository
class SendStore {

    /** A mailing; the counts are null until it finished. */
    record Send(long id, String kind, String language, String subject, Long queuedBy, int recipients,
                OffsetDateTime createdAt, OffsetDateTime finishedAt, Integer sent, Integer refused, Integer failed,
                Integer cancelled) {
    }

    /** An article of a mailing as it was queued; {@code regions} the region slugs, comma-separated, or null. */
    record SentArticle(int position, long translationId, String title, String standfirst, String path, String imagePath,
                       String regions) {

        List<String> regionSlugs() {
            return regions == null || regions.isEmpty() ? List.of() : Arrays.asList(regions.split(","));
        }
    }

    /** A translation waiting for its language's next digest. */
    record Waiting(long translationId, long articleId, String language, OffsetDateTime publishedAt) {
    }

    private final JdbcClient jdbc;

    SendStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A first publication, announced once: publishing the same translation again changes nothing. */
    void announce(long translationId, long articleId, String language, OffsetDateTime publishedAt) {
        jdbc.sql("""
                        insert into newsletter_article (translation_id, article_id, language, published_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(translationId, articleId, language, publishedAt).update();
    }

    List<Waiting> waiting(String language) {
        return jdbc.sql("""
                        select translation_id, article_id, language, published_at from newsletter_article
                         where language = ? and send_id is null order by published_at, translation_id""")
                .param(language).query(Waiting.class).list();
    }

    /** Marks the translations as carried by a mailing (a digest, or one sent on its own). */
    void carried(List<Long> translationIds, long sendId) {
        if (!translationIds.isEmpty()) {
            jdbc.sql("update newsletter_article set send_id = :send where translation_id in (:ids)")
                    .param("send", sendId).param("ids", translationIds).update();
        }
    }

    /** The send that carried the translation on its own, if an editor sent it. */
    Optional<Send> singleOf(long translationId) {
        return jdbc.sql("""
                        select s.* from newsletter_send s
                         where s.kind = 'single' and exists (select 1 from newsletter_send_article a
                                                              where a.send_id = s.id and a.translation_id = ?)""")
                .param(translationId).query(Send.class).optional();
    }

    long insert(String kind, String language, String subject, Long queuedBy, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into newsletter_send (kind, language, subject, queued_by, recipients, created_at)
                        values (?, ?, ?, ?, 0, ?)""")
                .params(kind, language, subject, queuedBy, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void articles(long sendId, List<SentArticle> articles) {
        for (SentArticle a : articles) {
            jdbc.sql("""
                            insert into newsletter_send_article (send_id, position, translation_id, title, standfirst, path,
                                   image_path, regions)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(sendId, a.position(), a.translationId(), a.title(), a.standfirst(), a.path(), a.imagePath(),
                            a.regions())
                    .update();
        }
    }

    void recipients(long sendId, int recipients) {
        jdbc.sql("update newsletter_send set recipients = ? where id = ?").params(recipients, sendId).update();
    }

    Optional<Send> find(long id) {
        return jdbc.sql("select * from newsletter_send where id = ?").param(id).query(Send.class).optional();
    }

    List<SentArticle> articlesOf(long sendId) {
        return jdbc.sql("""
                        select position, translation_id, title, standfirst, path, image_path, regions
                          from newsletter_send_article where send_id = ? order by position""")
                .param(sendId).query(SentArticle.class).list();
    }

    List<Send> latest(int limit) {
        return jdbc.sql("select * from newsletter_send order by created_at desc, id desc fetch first ? rows only")
                .param(limit).query(Send.class).list();
    }

    List<Send> unfinished() {
        return jdbc.sql("select * from newsletter_send where finished_at is null order by id").query(Send.class).list();
    }

    List<Long> finishedBefore(OffsetDateTime before) {
        return jdbc.sql("select id from newsletter_send where finished_at < ? order by id").param(before).query(Long.class).list();
    }

    void finish(long id, OffsetDateTime at, long sent, long refused, long failed, long cancelled) {
        jdbc.sql("""
                        update newsletter_send set finished_at = ?, sent = ?, refused = ?, failed = ?, cancelled = ?
                         where id = ? and finished_at is null""")
                .params(at, sent, refused, failed, cancelled, id).update();
    }

    Optional<OffsetDateTime> digestDue(String language) {
        return jdbc.sql("select due_at from newsletter_digest_schedule where language = ?")
                .param(language).query(OffsetDateTime.class).optional();
    }

    void digestDue(String language, OffsetDateTime dueAt) {
        if (jdbc.sql("update newsletter_digest_schedule set due_at = ? where language = ?").params(dueAt, language).update() == 0) {
            jdbc.sql("insert into newsletter_digest_schedule (language, due_at) values (?, ?)").params(language, dueAt).update();
        }
    }
}
