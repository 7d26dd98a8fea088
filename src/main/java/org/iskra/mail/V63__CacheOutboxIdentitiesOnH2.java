package org.iskra.mail;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 63: on H2, identity values of the outbox come from a cache of 1 000, for the reason migration 24 gives
 * for join requests (every request queues two or more mails in the transaction that stores it). Migration 24 did
 * this for the outbox too until each table got one owning package; on a database it already ran on, this one
 * changes nothing. PostgreSQL is left as it is.
 */
@Component
class V63__CacheOutboxIdentitiesOnH2 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table outbox_message alter column id set cache 1000");
        }
    }
}
