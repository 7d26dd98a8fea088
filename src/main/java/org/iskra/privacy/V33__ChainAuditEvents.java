package org.iskra.privacy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 33, in Java because the hash is computed the way {@link AuditChain} computes it at run time. The rows
 * written before the chain existed are left as they are (nothing updates an audit row, ever): they are sealed
 * instead, linked in the order they were written and their last hash kept in the chain's head, where the first new
 * row links to it. {@code audit verify} walks them the same way.
 */
@Component
class V33__ChainAuditEvents extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        String previous = AuditChain.GENESIS;
        long rows = 0;
        long maxId = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select id, created_at, actor_id, action, subject_type, subject_id, section_slug, client_address, detail
                       from audit_event order by id""")) {
            while (rs.next()) {
                previous = AuditChain.hash(previous, AuditStore.legacyLink(++rows, rs));
                maxId = rs.getLong("id");
            }
        }
        try (PreparedStatement head = connection.prepareStatement(
                "update audit_chain set last_hash = ?, legacy_rows = ?, legacy_max_id = ?, legacy_hash = ? where id = 1")) {
            head.setString(1, previous);
            head.setLong(2, rows);
            head.setLong(3, maxId);
            head.setString(4, previous);
            head.executeUpdate();
        }
    }
}
