package org.iskra.organizing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Join requests as they arrive: the join feature hands over each request routed and sealed, and its confirmation
 * when the applicant follows the link. Organizing owns the requests' tables; this is the only way into them from
 * outside, so the join form never reads what organizers did with a request.
 */
@Component
public class IncomingRequests {

    /** The personal columns of a request, sealed. */
    public record Sealed(String name, String email, String phone, String city, String message, String emailHash) {
    }

    /** A request to store, routed and sealed. */
    public record NewRow(String publicId, String formToken, long sectionId, String countryCode, String language,
                  String sourcePath, Sealed sealed, String confirmationTokenHash, OffsetDateTime dueAt) {
    }

    /** The first event on a request's timeline. */
    public record NewEvent(long requestId, TimelineEvent kind, String detail, OffsetDateTime at) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    IncomingRequests(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** The public id of the request stored with this form token, if one was. */
    public Optional<String> publicIdOfFormToken(String formToken) {
        return jdbc.sql("select public_id from join_request where form_token = ?").param(formToken)
                .query(String.class).optional();
    }

    /**
     * Inserts the rows with one batch (one round trip to PostgreSQL for the whole group) and returns the id of each
     * row stored, by form token. A row whose form token is already stored is skipped, not an error: a retried POST
     * must not undo the other requests of its group.
     */
    public Map<String, Long> insertAll(List<NewRow> rows, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbcTemplate.batchUpdate(connection -> connection.prepareStatement("""
                        insert into join_request (public_id, form_token, section_id, country_code, language, source_path,
                               name, email, phone, city, message, email_hash, consent_at, confirmation_token_hash, due_at,
                               created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""", new String[] {"id", "form_token"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        NewRow row = rows.get(i);
                        Object[] values = {row.publicId(), row.formToken(), row.sectionId(), row.countryCode(),
                                row.language(), row.sourcePath(), row.sealed().name(), row.sealed().email(),
                                row.sealed().phone(), row.sealed().city(), row.sealed().message(), row.sealed().emailHash(),
                                now, row.confirmationTokenHash(), row.dueAt(), now};
                        for (int column = 0; column < values.length; column++) {
                            StatementCreatorUtils.setParameterValue(statement, column + 1, SqlTypeValue.TYPE_UNKNOWN,
                                    values[column]);
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        Map<String, Long> ids = new HashMap<>();
        for (Map<String, Object> key : keys.getKeyList()) {
            ids.put((String) key.get("form_token"), ((Number) key.get("id")).longValue());
        }
        return ids;
    }

    public void events(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("insert into join_event (request_id, kind, detail, created_at) values (?, ?, ?, ?)",
                events.stream().map(e -> new Object[] {e.requestId(), e.kind().code(), e.detail(), e.at()}).toList());
    }

    /** The request this confirmation token belongs to, if it was sent after {@code notBefore}. */
    public Optional<Long> byConfirmation(String tokenHash, OffsetDateTime notBefore) {
        return jdbc.sql("select id from join_request where confirmation_token_hash = ? and created_at >= ?")
                .params(tokenHash, notBefore).query(Long.class).optional();
    }

    /** Marks the request confirmed, with its event on the timeline; false if it was confirmed before. */
    public boolean confirm(long id, OffsetDateTime at) {
        boolean confirmed = jdbc.sql("update join_request set confirmed_at = ? where id = ? and confirmed_at is null")
                .params(at, id).update() == 1;
        if (confirmed) {
            jdbc.sql("insert into join_event (request_id, kind, detail, created_at) values (?, ?, ?, ?)")
                    .params(id, TimelineEvent.CONFIRMED.code(), null, at).update();
        }
        return confirmed;
    }
}
