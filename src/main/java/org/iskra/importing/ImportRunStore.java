package org.iskra.importing;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code import_run} table: imports started from the back office and their progress. */
@Repository
class ImportRunStore {

    private static final String COLUMNS = "id, file_name, status, dry_run, total, done, exit_status, summary, started_by, started_at, updated_at";

    private final JdbcClient jdbc;

    ImportRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(String fileName, boolean dryRun, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into import_run (file_name, status, dry_run, started_by) values (?, 'running', ?, ?)")
                .params(fileName, dryRun, by).update(key, "id");
        return key.getKey().longValue();
    }

    void progress(long id, int total, int done) {
        jdbc.sql("update import_run set total = ?, done = ?, updated_at = current_timestamp where id = ?")
                .params(total, done, id).update();
    }

    void finish(long id, ImportStatus status, Integer exitStatus, String summary) {
        jdbc.sql("""
                update import_run set status = ?, exit_status = ?, summary = ?, updated_at = current_timestamp,
                       finished_at = current_timestamp where id = ?""")
                .params(status.key(), exitStatus, summary, id).update();
    }

    Optional<ImportRun> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from import_run where id = ?").param(id).query(ImportRun.class).optional();
    }

    List<ImportRun> latest(int count) {
        return jdbc.sql("select " + COLUMNS + " from import_run order by id desc fetch first " + count + " rows only")
                .query(ImportRun.class).list();
    }
}
