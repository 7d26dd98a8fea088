package org.iskra.organizing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Retention's question: which requests have been kept as long as their section allows. */
@Repository
class ExpiredRequests {

    /** A request retention erases now: no personal data but the sealed address, to erase its mail too. */
    record Expired(long id, String publicId, long sectionId, String email, String emailHash) {
    }

    private final JdbcClient jdbc;

    ExpiredRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Requests retention erases at {@code now}, section by section (each has its periods): closed ones (not
     * interested, unreachable, spam) whose last status change is older than the section's period for closed
     * requests, and new ones never confirmed received before its period for unconfirmed requests. A request
     * someone works on (contacted, meeting arranged, joined) is never among them.
     */
    List<Expired> at(OffsetDateTime now) {
        List<Expired> expired = new ArrayList<>();
        List<long[]> sections = jdbc.sql("select id, closed_retention_days, unconfirmed_retention_days from section order by id")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list();
        for (long[] section : sections) {
            expired.addAll(jdbc.sql("""
                            select r.id, r.public_id, r.section_id, r.email, r.email_hash from join_request r
                             where r.section_id = ? and r.erased_at is null
                               and r.status in ('not_interested', 'unreachable', 'spam')
                               and coalesce((select max(e.created_at) from join_event e
                                              where e.request_id = r.id and e.kind = 'status'), r.created_at) < ?
                             order by r.id""")
                    .params(section[0], now.minusDays(section[1]))
                    .query(Expired.class).list());
            expired.addAll(jdbc.sql("""
                            select r.id, r.public_id, r.section_id, r.email, r.email_hash from join_request r
                             where r.section_id = ? and r.erased_at is null and r.status = 'new'
                               and r.confirmed_at is null and r.created_at < ?
                             order by r.id""")
                    .params(section[0], now.minusDays(section[2]))
                    .query(Expired.class).list());
        }
        return expired;
    }
}
