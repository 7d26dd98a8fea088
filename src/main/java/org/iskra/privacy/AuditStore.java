package org.iskra.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log's rows and its chain's head: privacy owns these tables. Actors are staff users' ids only. */
@Repository
class AuditStore {

    /** What the audit page asks for; null fields do not filter. {@code before} is exclusive. */
    record Query(Long actorId, String action, String subject, OffsetDateTime from, OffsetDateTime before,
                 int offset, int limit) {
    }

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends rows to the chain. The head's row lock is taken first (the update waits for any other transaction
     * appending, then builds on what it committed), so rows committed at the same time, on any node, form one line.
     * Called last in a transaction, just before its commit, so the lock is held only while it commits.
     */
    void append(List<AuditChain.Link> pending) {
        jdbc.sql("update audit_chain set last_seq = last_seq + ? where id = 1").param(pending.size()).update();
        Head head = head();
        long seq = head.lastSeq() - pending.size();
        String previous = head.lastHash();
        for (AuditChain.Link entry : pending) {
            AuditChain.Link link = new AuditChain.Link(++seq, entry.createdAt(), entry.actorId(), entry.action(),
                    entry.subjectType(), entry.subjectId(), entry.section(), entry.clientAddress(), entry.detail());
            String hash = AuditChain.hash(previous, link);
            jdbc.sql("""
                            insert into audit_event (seq, prev_hash, hash, actor_id, action, subject_type, subject_id,
                                   section_slug, client_address, detail, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(link.seq(), previous, hash, link.actorId(), link.action(), link.subjectType(),
                            link.subjectId(), link.section(), link.clientAddress(), link.detail(), link.createdAt())
                    .update();
            previous = hash;
        }
        jdbc.sql("update audit_chain set last_hash = ? where id = 1").param(previous).update();
    }

    /** The chain's head: the last row's place and hash, and the seal of the rows written before the chain. */
    record Head(long lastSeq, String lastHash, long legacyRows, long legacyMaxId, String legacyHash) {
    }

    /** A stored row with its links, for verifying the chain. */
    record Stored(long id, String prevHash, String hash, AuditChain.Link link) {
    }

    Head head() {
        return jdbc.sql("select last_seq, last_hash, legacy_rows, legacy_max_id, legacy_hash from audit_chain where id = 1")
                .query(Head.class).single();
    }

    /** Chained rows after {@code seq}, in chain order. */
    List<Stored> chainAfter(long seq, int limit) {
        return jdbc.sql("""
                        select id, seq, prev_hash, hash, created_at, actor_id, action, subject_type, subject_id,
                               section_slug, client_address, detail
                          from audit_event where seq > ? order by seq limit ?""")
                .params(seq, limit)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("prev_hash"), rs.getString("hash"),
                        link(rs.getLong("seq"), rs)))
                .list();
    }

    /** Rows without a place in the chain after {@code id}, in id order: the ones written before it existed. */
    List<Stored> legacyAfter(long id, int limit) {
        return jdbc.sql("""
                        select id, created_at, actor_id, action, subject_type, subject_id, section_slug, client_address,
                               detail
                          from audit_event where seq is null and id > ? order by id limit ?""")
                .params(id, limit)
                .query((rs, n) -> new Stored(rs.getLong("id"), null, null, legacyLink(0, rs)))
                .list();
    }

    /** A row written before the chain, as its seal links it: by its position in id order. */
    static AuditChain.Link legacyLink(long position, ResultSet rs) throws SQLException {
        return link(position, rs);
    }

    private static AuditChain.Link link(long seq, ResultSet rs) throws SQLException {
        return new AuditChain.Link(seq, rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("actor_id") == null ? null : rs.getLong("actor_id"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("section_slug"),
                rs.getString("client_address"), rs.getString("detail"));
    }

    /** A row as the audit page lists it, its actor by id (null for Iskra's own jobs). */
    record Found(long id, OffsetDateTime at, Long actorId, String action, String subjectType, String subjectId,
                 String section, String clientAddress, String detail) {
    }

    /** Newest first; one row more than asked for tells the page there is a next one. */
    List<Found> find(Query query) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        if (query.actorId() != null) {
            conditions.add("a.actor_id = :actor");
            params.put("actor", query.actorId());
        }
        if (query.action() != null) {
            conditions.add("a.action = :action");
            params.put("action", query.action());
        }
        if (query.subject() != null) {
            conditions.add("a.subject_id = :subject");
            params.put("subject", query.subject());
        }
        if (query.from() != null) {
            conditions.add("a.created_at >= :from");
            params.put("from", query.from());
        }
        if (query.before() != null) {
            conditions.add("a.created_at < :before");
            params.put("before", query.before());
        }
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + "\n";
        String sql = """
                select a.id, a.created_at, a.actor_id, a.action, a.subject_type, a.subject_id,
                       a.section_slug, a.client_address, a.detail
                  from audit_event a
                """ + where + "order by a.created_at desc, a.id desc limit :limit offset :offset";
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new Found(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("actor_id") == null ? null : rs.getLong("actor_id"), rs.getString("action"),
                        rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("section_slug"),
                        rs.getString("client_address"), rs.getString("detail")))
                .list();
    }

    List<String> actions() {
        return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
    }
}
