package org.iskra.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.iskra.articles.ArticleCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes every published translation again, in parallel: reading and rendering articles and analysing their text
 * both take CPU, so one worker per core reads a run of articles and writes it to the index.
 */
final class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);
    static final int PROGRESS_EVERY = 10_000;
    private static final int ARTICLES_PER_READ = 200;

    private final SearchIndex index;
    private final ArticleCatalog catalog;
    private final PublishedTranslations translations;
    /** True once the application is stopping: the rebuild stops between articles. */
    private final BooleanSupplier closing;
    private volatile boolean running;

    IndexRebuild(SearchIndex index, ArticleCatalog catalog, PublishedTranslations translations, BooleanSupplier closing) {
        this.index = index;
        this.catalog = catalog;
        this.translations = translations;
        this.closing = closing;
    }

    boolean running() {
        return running;
    }

    /**
     * Indexes every published translation. {@code fresh}: empty the index first and only add, which is much cheaper
     * than replacing (no lookup of an older copy per article); searches see an empty index until the commit. Else
     * each article replaces its older copy, searches keep their results meanwhile, and what the database no longer
     * publishes is removed at the end.
     */
    SearchIndexer.Rebuilt run(boolean fresh) {
        running = true;
        long started = System.nanoTime();
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
                stale.addAll(IndexStamps.articles(index.stamps().keySet()));
            }
            AtomicInteger done = new AtomicInteger();
            AtomicInteger reported = new AtomicInteger();
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < articleIds.size(); i += ARTICLES_PER_READ) {
                long from = articleIds.get(i);
                long to = articleIds.get(Math.min(i + ARTICLES_PER_READ, articleIds.size()) - 1);
                tasks.add(pool.submit(() -> {
                    if (closing.getAsBoolean()) {
                        throw new IllegalStateException("stopped while rebuilding the search index");
                    }
                    for (Map.Entry<Long, List<IndexedTranslation>> article : translations.between(from, to).entrySet()) {
                        write(fresh, article.getKey(), article.getValue());
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
            return new SearchIndexer.Rebuilt(done.get(), took);
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
            running = false;
        }
    }

    private void write(boolean fresh, long articleId, List<IndexedTranslation> translations) throws IOException {
        if (fresh) {
            for (IndexedTranslation translation : translations) {
                index.add(translation);
            }
        } else {
            index.replaceArticle(articleId, translations);
        }
    }
}
