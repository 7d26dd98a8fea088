package org.iskra.scheduling;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs a job on one node at a time, through a lease in the {@code job_lock} table. Every node may call
 * {@link #runAlone} on its schedule; whichever takes the lease runs the job, the others skip this round. The lease
 * outlives a crash: a node that dies while running leaves the job locked until its lease runs out, then another
 * node takes over. So the lease must be longer than the job can take, and the job must be safe to run again (each
 * of ours works from what the database says is due, not from what the last run did).
 */
@Service
public class SingleNodeJobs {

    private static final Logger log = LoggerFactory.getLogger(SingleNodeJobs.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Names this node in the table, for the operator who wonders which node holds a job. */
    private final String node;

    @Autowired
    SingleNodeJobs(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC(), ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    SingleNodeJobs(JdbcClient jdbc, Clock clock, String node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node.length() > 100 ? node.substring(0, 100) : node;
    }

    /**
     * Runs {@code job} if no other node holds {@code name}, holding it for at most {@code lease}; returns whether it
     * ran. The lease is given back when the job ends, so the next round on any node may run it again.
     */
    public boolean runAlone(String name, Duration lease, Runnable job) {
        // not inside a caller's transaction: on PostgreSQL a lost race (duplicate key) would abort it
        if (!acquire(name, lease)) {
            return false;
        }
        try {
            job.run();
            return true;
        } finally {
            release(name);
        }
    }

    boolean acquire(String name, Duration lease) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime until = now.plus(lease);
        int taken = jdbc.sql("""
                        update job_lock set locked_until = ?, locked_at = ?, locked_by = ?
                         where name = ? and locked_until <= ?""")
                .params(until, now, node, name, now)
                .update();
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.sql("insert into job_lock (name, locked_until, locked_at, locked_by) values (?, ?, ?, ?)")
                    .params(name, until, now, node)
                    .update() == 1;
        } catch (DataIntegrityViolationException held) {
            log.debug("Job {} is running on another node", name);
            return false;
        }
    }

    void release(String name) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("update job_lock set locked_until = ? where name = ? and locked_by = ?")
                .params(now, name, node)
                .update();
    }
}
