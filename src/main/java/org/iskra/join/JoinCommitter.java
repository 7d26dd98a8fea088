package org.iskra.join;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.iskra.organizing.IncomingRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Group commit for join requests. Every request thread hands its prepared request to one writer thread and waits;
 * the writer records everything that arrived meanwhile in one transaction, and only after that commit does each
 * request thread answer. So the promise holds (an acknowledged request is committed) while the cost of a commit,
 * which is most of the cost of a request on H2 and much of it on PostgreSQL, is shared by all the requests of a
 * burst. Under light load a group is a single request and nothing waits longer than its own commit.
 *
 * <p>If a group's transaction fails, each of its requests is tried again alone, so one request the database
 * refuses cannot take the others down with it. Each node has its own writer; nodes sharing a database need no
 * coordination, since the form token's unique constraint is what makes a request idempotent.
 */
@Component
class JoinCommitter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JoinCommitter.class);
    /** Large enough to take a burst in a few commits, small enough to keep one transaction short. */
    private static final int MAX_GROUP = 200;
    /** Requests waiting beyond this are refused at once: the database is not keeping up, or not there. */
    private static final int MAX_WAITING = 5_000;
    /** How long a request thread waits for its commit before telling the applicant to try again. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Waiting(PreparedJoin join, CompletableFuture<JoinIntake.Receipt> done) {
    }

    private final JoinRecorder recorder;
    private final IncomingRequests store;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>(MAX_WAITING);
    private final DistributionSummary groupSizes;
    private final Thread writer;
    private volatile boolean closing;

    JoinCommitter(JoinRecorder recorder, IncomingRequests store, MeterRegistry meters) {
        this.recorder = recorder;
        this.store = store;
        this.groupSizes = DistributionSummary.builder("iskra.join.commit.group")
                .description("Join requests committed together in one transaction").register(meters);
        this.writer = new Thread(this::run, "join-committer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Returns the request's receipt once it is committed (for a form token stored before, the first request's);
     * throws {@link JoinNotStoredException} when it could not be committed.
     */
    JoinIntake.Receipt commit(PreparedJoin join) {
        Waiting waiting = new Waiting(join, new CompletableFuture<>());
        if (closing || !queue.offer(waiting)) {
            throw new JoinNotStoredException(closing ? "shutting down" : "too many requests waiting to be stored", null);
        }
        try {
            return waiting.done().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new JoinNotStoredException("not stored", e.getCause());
        } catch (TimeoutException e) {
            // it may still be committed later: then a second attempt with the same form finds it
            throw new JoinNotStoredException("not stored within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JoinNotStoredException("interrupted", e);
        }
    }

    private void run() {
        List<Waiting> group = new ArrayList<>(MAX_GROUP);
        while (true) {
            try {
                Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                if (closing) {
                    return;
                }
            } catch (Throwable unexpected) {
                // the writer must outlive anything a group can throw, or every later request would wait in vain
                group.forEach(waiting -> waiting.done().completeExceptionally(unexpected));
                log.error("Join committer: a group failed unexpectedly", unexpected);
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Waiting> group) {
        List<Optional<String>> publicIds;
        try {
            publicIds = recorder.record(group.stream().map(Waiting::join).toList());
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).done().completeExceptionally(e);
                log.warn("Join request not stored: {}", e.getClass().getSimpleName());
            } else {
                log.warn("Join requests: a group of {} failed ({}); storing each alone", group.size(),
                        e.getClass().getSimpleName());
                for (Waiting waiting : group) {
                    write(List.of(waiting));
                }
            }
            return;
        }
        groupSizes.record(group.size());
        for (int i = 0; i < group.size(); i++) {
            Waiting waiting = group.get(i);
            Optional<String> publicId = publicIds.get(i);
            if (publicId.isPresent()) {
                waiting.done().complete(new JoinIntake.Receipt(publicId.get(), true));
            } else {
                completeWithFirst(waiting);
            }
        }
    }

    /** A form token stored before: the answer is the request that was stored with it. */
    private void completeWithFirst(Waiting waiting) {
        try {
            Optional<String> first = store.publicIdOfFormToken(waiting.join().formToken());
            if (first.isPresent()) {
                waiting.done().complete(new JoinIntake.Receipt(first.get(), false));
            } else {
                waiting.done().completeExceptionally(new IllegalStateException("skipped as stored, but not found"));
            }
        } catch (RuntimeException e) {
            waiting.done().completeExceptionally(e);
        }
    }

    /** Runs after the web server has stopped taking requests: what is queued is still committed. */
    @Override
    public void destroy() throws InterruptedException {
        closing = true;
        writer.join(WAIT.toMillis());
    }
}
