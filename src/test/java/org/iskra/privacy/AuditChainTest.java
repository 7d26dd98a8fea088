package org.iskra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.iskra.site.IskraProperties;
import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log as a hash chain: writers on many connections at once (as several nodes sharing the database would
 * be) still make one line without gaps, and a row changed, removed or slipped in is found by {@code audit verify}.
 */
@IskraIntegrationTest
class AuditChainTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    IskraProperties iskra;

    @Autowired
    Environment environment;

    @Test
    void writersCommittingAtTheSameTimeMakeOneUnbrokenChain() throws Exception {
        long before = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        String subject = UUID.randomUUID().toString();
        int threads = 8;
        int transactionsEach = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                TransactionTemplate transaction = new TransactionTemplate(transactions);
                for (int i = 0; i < transactionsEach; i++) {
                    int n = i;
                    transaction.executeWithoutResult(status -> {
                        audit.record(new Actor(null, "192.0.2." + thread), "test.chain", "test", subject, null, "t=" + thread + " i=" + n);
                        if (n % 3 == 0) {
                            audit.record(new Actor(null, "192.0.2." + thread), "test.chain", "test", subject, null, "second");
                        }
                    });
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        int perThread = transactionsEach + (transactionsEach + 2) / 3;
        assertThat(jdbc.sql("select count(*) from audit_event where subject_id = ?").param(subject).query(Long.class).single())
                .isEqualTo((long) threads * perThread);
        AuditVerification.Result result = verification.verify();
        assertThat(result.broken()).isNull();
        assertThat(result.rows()).isGreaterThanOrEqualTo(before + (long) threads * perThread);
        Map<String, Object> range = jdbc.sql("select min(seq) as low, max(seq) as high, count(*) as n from audit_event where seq is not null")
                .query().singleRow();
        assertThat(((Number) range.get("high")).longValue() - ((Number) range.get("low")).longValue() + 1)
                .as("no gap, no duplicate").isEqualTo(((Number) range.get("n")).longValue());
    }

    @Test
    void aChangedRowIsFoundAndTheCommandSaysWhere() {
        String subject = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record(new Actor(null, "192.0.2.7"), "test.tamper", "test", subject, null, "status=new");
            audit.record(new Actor(null, "192.0.2.7"), "test.tamper", "test", subject, null, "after");
        });
        int status = run("audit", "verify");
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Audit log intact");

        Map<String, Object> row = jdbc.sql("select id, seq from audit_event where subject_id = ? and detail = 'status=new'")
                .param(subject).query().singleRow();
        // what someone with write access to the database could do: make an organizer's read look like nobody's
        jdbc.sql("update audit_event set detail = 'status=contacted' where id = ?").param(row.get("id")).update();
        try {
            AuditVerification.Result result = verification.verify();
            assertThat(result.broken()).isNotNull();
            assertThat(result.broken().seq()).isEqualTo(((Number) row.get("seq")).longValue());
            assertThat(result.broken().reason()).contains("content");
            assertThat(run("audit", "verify")).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken at row " + row.get("seq"))
                    .contains("audit_event id " + row.get("id"));
        } finally {
            jdbc.sql("update audit_event set detail = 'status=new' where id = ?").param(row.get("id")).update();
        }
        assertThat(verification.verify().broken()).isNull();
    }

    @Test
    void aRemovedRowAndARemovedEndAreFound() {
        String subject = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                audit.record(new Actor(null, null), "test.remove", "test", subject, null, "n=" + i);
            }
        });
        List<Map<String, Object>> rows = jdbc.sql("select * from audit_event where subject_id = ? order by seq").param(subject)
                .query().listOfRows();
        Map<String, Object> middle = rows.get(1);
        Map<String, Object> last = rows.get(2);
        jdbc.sql("delete from audit_event where id = ?").param(middle.get("id")).update();
        try {
            assertThat(verification.verify().broken().reason()).contains("missing");
        } finally {
            reinsert(middle);
        }
        jdbc.sql("delete from audit_event where id = ?").param(last.get("id")).update();
        try {
            AuditVerification.Broken broken = verification.verify().broken();
            // unless this was the newest row of all, its successor no longer links to it
            assertThat(broken).isNotNull();
        } finally {
            reinsert(last);
        }
        assertThat(verification.verify().broken()).isNull();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(AuditCommand.run(new String[] {"audit"}, print(out), print(err))).isEqualTo(2);
        assertThat(AuditCommand.run(new String[] {"audit", "repair"}, print(out), print(err))).isEqualTo(2);
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.sql("""
                        insert into audit_event (id, seq, prev_hash, hash, actor_id, action, subject_type, subject_id,
                               section_slug, client_address, detail, created_at)
                        values (:id, :seq, :prev_hash, :hash, :actor_id, :action, :subject_type, :subject_id,
                               :section_slug, :client_address, :detail, :created_at)""")
                .params(row).update();
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--iskra.data=" + iskra.data());
        all.add("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"));
        for (String name : List.of("spring.datasource.username", "spring.datasource.password", "spring.flyway.schemas",
                "spring.flyway.default-schema")) {
            String value = environment.getProperty(name);
            if (value != null) {
                all.add("--" + name + "=" + value);
            }
        }
        return AuditCommand.run(all.toArray(String[]::new), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
