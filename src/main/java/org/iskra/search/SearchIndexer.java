package org.iskra.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.ArticleChanged;
import org.iskra.site.IskraProperties;
import org.iskra.taxonomy.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps this node's index following the database. Every {@link ArticleChanged} (this node's after commit, other
 * nodes' through the change log within about a second) queues the article; one background thread re-reads its
 * published translations and replaces them in the index, so a slow index never slows whoever saved. On start the
 * index is rebuilt in the background ({@link IndexRebuild}) if it is missing, of another schema, or older than the
 * change log; otherwise it is reconciled with the database once the change follower runs ({@link IndexFreshness}),
 * which catches what changed while this node was starting.
 */
@Conditional(SearchEnabled.class)
@Component
class SearchIndexer implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final SearchIndex index;
    private final ArticleCatalog catalog;
    private final PublishedTranslations translations;
    private final IndexRebuild rebuild;
    private final IndexFreshness freshness;
    private final boolean checkOnStart;
    private final Duration reconcileDelay;
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "search-indexer");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Long> pending = new LinkedHashSet<>();
    private volatile boolean closing;

    /** What a full rebuild did. */
    record Rebuilt(int translations, Duration took) {
    }

    SearchIndexer(SearchIndex index, ArticleCatalog catalog, Taxonomy taxonomy, IskraProperties properties,
                  @Value("${iskra.search.check-on-start:true}") boolean checkOnStart) {
        this.index = index;
        this.catalog = catalog;
        this.translations = new PublishedTranslations(catalog, taxonomy);
        this.rebuild = new IndexRebuild(index, catalog, translations, () -> closing);
        this.freshness = new IndexFreshness(index, catalog);
        this.checkOnStart = checkOnStart;
        // the change follower starts reading one interval after start; give it two more
        this.reconcileDelay = properties.changePollInterval().multipliedBy(3);
        // on shutdown, waiting retries and the reconciliation are dropped rather than waited for
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs once every bean exists, so the database has been migrated, and before the demo content is loaded. */
    @Override
    public void afterSingletonsInstantiated() {
        if (checkOnStart) {
            submit(this::checkOnStart);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ArticleChanged change) {
        enqueue(Set.of(change.articleId()));
    }

    boolean rebuilding() {
        return rebuild.running();
    }

    /** Rebuilds the whole index from the database now, on the indexing thread, and waits for it. */
    Rebuilt rebuildNow() throws InterruptedException, ExecutionException {
        // nobody searches this index while the command runs (it refuses an index a node has open): start afresh
        return worker.submit(() -> rebuild.run(true)).get();
    }

    private void checkOnStart() {
        try {
            String reason = freshness.staleness();
            if (reason == null) {
                log.info("Search index in {} is current ({} translations)", index.folder(), count());
                later(this::reconcile, reconcileDelay);
                return;
            }
            log.info("Search index {}: rebuilding it in the background", reason);
            // a stale index keeps answering searches while it is rebuilt; a missing or unreadable one has nothing to offer
            rebuild.run(freshness.useless());
        } catch (RuntimeException e) {
            if (!closing) {
                log.error("Search index rebuild failed; trying again in {} s", RETRY_AFTER.toSeconds(), e);
                later(this::checkOnStart, RETRY_AFTER);
            }
        }
    }

    /** Queues for re-indexing what the database and the index disagree about. */
    private void reconcile() {
        try {
            Set<Long> differ = freshness.differences();
            if (!differ.isEmpty()) {
                log.info("Search index: re-indexing what changed while this node was away (articles: {})", differ.size());
                enqueue(differ);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not compare the search index with the database", e);
        }
    }

    private void enqueue(Set<Long> articleIds) {
        boolean idle;
        synchronized (pending) {
            idle = pending.isEmpty();
            pending.addAll(articleIds);
        }
        if (idle) {
            submit(this::drain);
        }
    }

    /** Re-indexes every queued article, then makes the result visible and durable. */
    private void drain() {
        List<Long> batch;
        synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        if (batch.isEmpty() || closing) {
            return;
        }
        try {
            long changeId = catalog.latestChangeId();
            for (long articleId : batch) {
                index.replaceArticle(articleId, translations.of(articleId));
            }
            index.refresh();
            index.commit(changeId);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not update the search index for articles {}; trying again in {} s", batch,
                    RETRY_AFTER.toSeconds(), e);
            later(() -> enqueue(new LinkedHashSet<>(batch)), RETRY_AFTER);
        }
    }

    private int count() {
        try {
            return index.documentCount();
        } catch (IOException e) {
            return -1;
        }
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException stopping) {
            // shutting down: the next start checks the index anyway
        }
    }

    private void later(Runnable task, Duration delay) {
        if (closing) {
            return;
        }
        try {
            worker.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // shutting down
        }
    }

    /** Lets the task at hand finish (a rebuild stops between articles); what it did not commit is discarded. */
    @Override
    public void destroy() throws InterruptedException {
        closing = true;
        worker.shutdown();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("The search indexer did not stop within 30 s");
        }
    }
}
