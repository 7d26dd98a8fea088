package org.iskra.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.ArticleChanged;
import org.iskra.articles.PublishedText;
import org.iskra.articles.TranslationStamp;
import org.iskra.site.IskraProperties;
import org.iskra.taxonomy.ArticleTerms;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.taxonomy.TermsOfArticles;
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
 * index is rebuilt in the background if it is missing, of another schema, or older than the change log; otherwise
 * it is reconciled with the database once the change follower runs, which catches what changed while this node
 * was starting.
 */
@Conditional(SearchEnabled.class)
@Component
class SearchIndexer implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    static final int PROGRESS_EVERY = 10_000;
    private static final int ARTICLES_PER_READ = 200;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final SearchIndex index;
    private final ArticleCatalog catalog;
    private final Taxonomy taxonomy;
    private final boolean checkOnStart;
    private final Duration reconcileDelay;
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "search-indexer");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Long> pending = new LinkedHashSet<>();
    private volatile boolean rebuilding;
    private volatile boolean closing;

    /** What a full rebuild did. */
    record Rebuilt(int translations, Duration took) {
    }

    SearchIndexer(SearchIndex index, ArticleCatalog catalog, Taxonomy taxonomy, IskraProperties properties,
                  @Value("${iskra.search.check-on-start:true}") boolean checkOnStart) {
        this.index = index;
        this.catalog = catalog;
        this.taxonomy = taxonomy;
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
        return rebuilding;
    }

    /** Rebuilds the whole index from the database now, on the indexing thread, and waits for it. */
    Rebuilt rebuildNow() throws InterruptedException, ExecutionException {
        // nobody searches this index while the command runs (it refuses an index a node has open): start afresh
        return worker.submit(() -> rebuild(true)).get();
    }

    private void checkOnStart() {
        try {
            String reason = staleness();
            if (reason == null) {
                log.info("Search index in {} is current ({} translations)", index.folder(), count());
                later(this::reconcile, reconcileDelay);
                return;
            }
            log.info("Search index {}: rebuilding it in the background", reason);
            // a stale index keeps answering searches while it is rebuilt; a missing or unreadable one has nothing to offer
            rebuild(!index.existed() || !SearchIndex.SCHEMA.equals(index.schema()));
        } catch (RuntimeException e) {
            if (!closing) {
                log.error("Search index rebuild failed; trying again in {} s", RETRY_AFTER.toSeconds(), e);
                later(this::checkOnStart, RETRY_AFTER);
            }
        }
    }

    /** Why the index on disk cannot be trusted, or null if it can. */
    private String staleness() {
        if (!index.existed()) {
            return "missing in " + index.folder();
        }
        if (!SearchIndex.SCHEMA.equals(index.schema())) {
            return "written in another format";
        }
        long latest = catalog.latestChangeId();
        if (index.openedAtChange() != latest) {
            return "stale (it reflects change " + index.openedAtChange() + ", the database is at change " + latest + ")";
        }
        return null;
    }

    /**
     * Indexes every published translation. {@code fresh}: empty the index first and only add, which is much cheaper
     * than replacing (no lookup of an older copy per article); searches see an empty index until the commit. Else
     * each article replaces its older copy, searches keep their results meanwhile, and what the database no longer
     * publishes is removed at the end.
     */
    private Rebuilt rebuild(boolean fresh) {
        rebuilding = true;
        long started = System.nanoTime();
        // reading and rendering articles and analysing their text both take CPU: one worker per core
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "search-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // read before the articles: whatever changes after this arrives as an event and is indexed again
            long changeId = catalog.latestChangeId();
            List<Long> articleIds = catalog.publishedArticleIds();
            log.info("Search index: indexing the published translations of {} articles", articleIds.size());
            Set<Long> stale = ConcurrentHashMap.newKeySet();
            if (fresh) {
                index.deleteAll();
            } else {
                stale.addAll(indexedArticles());
            }
            AtomicInteger done = new AtomicInteger();
            AtomicInteger reported = new AtomicInteger();
            List<Future<?>> tasks = new ArrayList<>();
            // a run of articles is read in a few queries (texts, then terms), not several per translation
            for (int i = 0; i < articleIds.size(); i += ARTICLES_PER_READ) {
                long from = articleIds.get(i);
                long to = articleIds.get(Math.min(i + ARTICLES_PER_READ, articleIds.size()) - 1);
                tasks.add(pool.submit(() -> {
                    if (closing) {
                        throw new IllegalStateException("stopped while rebuilding the search index");
                    }
                    Map<Long, List<IndexedTranslation>> run = translationsOf(from, to);
                    for (Map.Entry<Long, List<IndexedTranslation>> article : run.entrySet()) {
                        if (fresh) {
                            for (IndexedTranslation translation : article.getValue()) {
                                index.add(translation);
                            }
                        } else {
                            index.replaceArticle(article.getKey(), article.getValue());
                        }
                        stale.remove(article.getKey());
                        int now = done.addAndGet(article.getValue().size());
                        int step = now / PROGRESS_EVERY;
                        if (step > reported.getAndAccumulate(step, Math::max)) {
                            log.info("Search index: {} translations indexed", now);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
            index.deleteArticles(stale);
            // one segment answers queries about a third faster than the dozen a bulk load leaves behind
            index.merge(1);
            index.commit(changeId);
            index.refresh();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info("Search index rebuilt: {} translations in {} ms", done.get(), took.toMillis());
            return new Rebuilt(done.get(), took);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the search index in " + index.folder(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("could not rebuild the search index", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the search index", e);
        } finally {
            pool.shutdownNow();
            rebuilding = false;
        }
    }

    /** Queues for re-indexing what the database and the index disagree about. */
    private void reconcile() {
        try {
            Map<String, Long> indexed = index.stamps();
            Set<Long> differ = new LinkedHashSet<>();
            for (TranslationStamp stamp : catalog.allPublished()) {
                Long at = indexed.remove(SearchIndex.stampKey(stamp.articleId(), stamp.language()));
                if (at == null || at != SearchIndex.updatedMillis(stamp.updatedAt())) {
                    differ.add(stamp.articleId());
                }
            }
            for (String gone : indexed.keySet()) {
                differ.add(Long.parseLong(gone.substring(0, gone.indexOf(':'))));
            }
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
                index.replaceArticle(articleId, translationsOf(articleId));
            }
            index.refresh();
            index.commit(changeId);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not update the search index for articles {}; trying again in {} s", batch,
                    RETRY_AFTER.toSeconds(), e);
            later(() -> enqueue(new LinkedHashSet<>(batch)), RETRY_AFTER);
        }
    }

    private List<IndexedTranslation> translationsOf(long articleId) {
        return translationsOf(articleId, articleId).getOrDefault(articleId, List.of());
    }

    /** The published translations of the articles with ids from {@code from} to {@code to}, by article. */
    private Map<Long, List<IndexedTranslation>> translationsOf(long from, long to) {
        TermsOfArticles terms = taxonomy.termsOfArticles(from, to);
        Map<Long, List<IndexedTranslation>> byArticle = new LinkedHashMap<>();
        for (PublishedText text : catalog.publishedTexts(from, to)) {
            ArticleTerms named = terms.of(text.articleId(), text.language());
            byArticle.computeIfAbsent(text.articleId(), id -> new ArrayList<>()).add(new IndexedTranslation(text.articleId(),
                    text.language(), text.slug(), text.title(), text.standfirst(), text.text(), named.regions(),
                    named.countries(), named.tags(), text.publishedAt(), text.updatedAt()));
        }
        return byArticle;
    }

    private Set<Long> indexedArticles() throws IOException {
        Set<Long> ids = new HashSet<>();
        for (String key : index.stamps().keySet()) {
            ids.add(Long.parseLong(key.substring(0, key.indexOf(':'))));
        }
        return ids;
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
