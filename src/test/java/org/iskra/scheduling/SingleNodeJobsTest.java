package org.iskra.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.iskra.testsupport.IskraIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two "nodes" sharing one database, each its own {@link SingleNodeJobs} with its own name and clock. */
@IskraIntegrationTest
class SingleNodeJobsTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Test
    void whileOneNodeRunsAJobAnotherSkipsItAndMayRunItAfterwards() {
        SingleNodeJobs first = node("first", NOON);
        SingleNodeJobs second = node("second", NOON);
        List<String> ran = new CopyOnWriteArrayList<>();

        boolean firstRan = first.runAlone("overlap", Duration.ofMinutes(5), () -> {
            ran.add("first");
            assertThat(second.runAlone("overlap", Duration.ofMinutes(5), () -> ran.add("second while first runs"))).isFalse();
        });
        boolean secondRan = second.runAlone("overlap", Duration.ofMinutes(5), () -> ran.add("second after"));

        assertThat(firstRan).isTrue();
        assertThat(secondRan).isTrue();
        assertThat(ran).containsExactly("first", "second after");
    }

    @Test
    void aLeaseLeftByANodeThatDiedRunsOutAndAnotherNodeTakesOver() {
        assertThat(node("crashed", NOON).acquire("abandoned", Duration.ofMinutes(10))).isTrue();

        assertThat(node("other", NOON.plus(Duration.ofMinutes(9))).runAlone("abandoned", Duration.ofMinutes(10), () -> { })).isFalse();
        assertThat(node("other", NOON.plus(Duration.ofMinutes(10))).runAlone("abandoned", Duration.ofMinutes(10), () -> { })).isTrue();
        assertThat(jdbc.sql("select locked_by from job_lock where name = 'abandoned'").query(String.class).single()).isEqualTo("other");
    }

    @Test
    void aFailingJobGivesItsLeaseBack() {
        SingleNodeJobs node = node("failing", NOON);
        try {
            node.runAlone("fails", Duration.ofMinutes(5), () -> {
                throw new IllegalStateException("job failed");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("job failed");
        }
        assertThat(node("next", NOON).runAlone("fails", Duration.ofMinutes(5), () -> { })).isTrue();
    }

    @Test
    void nodesRacingForAJobNeverRunItTwiceAtOnce() throws Exception {
        int nodes = 8;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Callable<Integer>> rounds = new CopyOnWriteArrayList<>();
            for (int n = 0; n < nodes; n++) {
                SingleNodeJobs node = new SingleNodeJobs(jdbc, Clock.systemUTC(), "racer-" + n);
                rounds.add(() -> {
                    start.await();
                    int mine = 0;
                    for (int round = 0; round < 20; round++) {
                        if (node.runAlone("race", Duration.ofMinutes(1), () -> {
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            runs.incrementAndGet();
                            running.decrementAndGet();
                        })) {
                            mine++;
                        }
                    }
                    return mine;
                });
            }
            List<Future<Integer>> results = rounds.stream().map(pool::submit).toList();
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            assertThat(mostAtOnce.get()).isEqualTo(1);
            assertThat(total).isEqualTo(runs.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    private SingleNodeJobs node(String name, Instant now) {
        return new SingleNodeJobs(jdbc, Clock.fixed(now, ZoneOffset.UTC), name);
    }
}
