package org.iskra.organizing;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 24, a Java one because it depends on the database. H2 hands out identity values from a cache of 32
 * and rewrites the sequence's definition each time the cache runs out; at a thousand join requests a second (each
 * with an event and two or more mails) that rewrite was a fifth of the committing thread's time. A cache of 1 000
 * makes it rare. An unclean stop skips at most the rest of a cache, never reuses a value. PostgreSQL is left as it
 * is: its sequences cost little, and a cache there would be per connection and mix the order of ids.
 *
 * <p>It lived in the join package and did the same for mail's {@code outbox_message}; each table now has one
 * owning package, so it moved here, to the owner of the requests' tables, under the same version and description
 * (Flyway finds Java migrations as Spring beans, wherever their package, and validates neither the package nor,
 * for a Java migration, a checksum). The outbox's part is mail's migration 63, which repeats the same harmless
 * statement on a database where this one already ran.
 */
@Component
class V24__CacheJoinIdentitiesOnH2 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String table : new String[] {"join_request", "join_event"}) {
                statement.execute("alter table " + table + " alter column id set cache 1000");
            }
        }
    }
}
