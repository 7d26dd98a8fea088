package org.iskra.mail;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 52: on H2, identity values of bulk mail come from a cache of 1 000, for the reason migration 24 gives
 * for the other outbox: a mailing inserts a hundred thousand rows at once, and H2 rewrites the sequence's
 * definition each time its cache (32 by default) runs out. PostgreSQL is left as it is.
 */
@Component
class V52__CacheBulkIdentitiesOnH2 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table outbox_bulk_message alter column id set cache 1000");
        }
    }
}
