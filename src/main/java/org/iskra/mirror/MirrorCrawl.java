package org.iskra.mirror;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One run's walk over the site: the addresses found so far and the workers that render, rewrite and write them,
 * each page as soon as it is found. A page's links are queued before the page counts as done, so the walk ends
 * exactly when no page is queued or being rendered. Rendering is most of a run's time and the pages are
 * independent, so a command uses every processor; a run inside a serving node uses one.
 */
final class MirrorCrawl implements LinkRewriter.Found {

    record Address(String path, int page) {
    }

    interface Renderer {
        Optional<MirrorPages.Page> render(Address address);
    }

    private final Set<Address> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final Set<String> mediaFiles = ConcurrentHashMap.newKeySet();
    private final Set<String> assets = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<Address> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger rendered = new AtomicInteger();
    private volatile boolean failed;

    @Override
    public void page(String path, int page) {
        Address address = new Address(path, page);
        if (seen.add(address)) {
            pending.incrementAndGet();
            queue.add(address);
        }
    }

    @Override
    public void media(String fileName) {
        mediaFiles.add(fileName);
    }

    @Override
    public void asset(String path) {
        assets.add(path);
    }

    Set<String> mediaFiles() {
        return mediaFiles;
    }

    Set<String> assets() {
        return assets;
    }

    /** Renders every address found, from the ones given so far; returns how many HTML pages were rendered. */
    int run(int threads, Renderer renderer, LinkRewriter rewriter, MirrorFiles files, UnaryOperator<byte[]> canonical,
            MirrorWriter.Progress progress) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "mirror-render");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Void>> workers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    work(renderer, rewriter, files, canonical, progress);
                    return null;
                }));
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            failed = true;
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            failed = true;
            Thread.currentThread().interrupt();
            throw new IOException("the mirror run was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return rendered.get();
    }

    private void work(Renderer renderer, LinkRewriter rewriter, MirrorFiles files, UnaryOperator<byte[]> canonical,
                      MirrorWriter.Progress progress) throws InterruptedException {
        while (!failed) {
            Address address = queue.poll(20, TimeUnit.MILLISECONDS);
            if (address == null) {
                if (pending.get() == 0) {
                    return;
                }
                continue;
            }
            try {
                write(address, renderer, rewriter, files, canonical);
            } catch (IOException e) {
                failed = true;
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            } finally {
                pending.decrementAndGet();
            }
            int count = done.incrementAndGet();
            if (progress != null && count % 100 == 0) {
                progress.pages(count, seen.size());
            }
        }
    }

    private void write(Address address, Renderer renderer, LinkRewriter rewriter, MirrorFiles files,
                       UnaryOperator<byte[]> canonical) throws IOException {
        String file = MirrorPaths.fileOf(address.path(), address.page());
        if (!claimed.add(file)) {
            // the same file by another address (/en and /en/)
            return;
        }
        Optional<MirrorPages.Page> page = renderer.render(address);
        if (page.isEmpty()) {
            return;
        }
        if (page.get().html()) {
            String html = new String(page.get().bytes(), StandardCharsets.UTF_8);
            files.write(file, rewriter.rewrite(html, file, this).getBytes(StandardCharsets.UTF_8));
            rendered.incrementAndGet();
        } else {
            files.write(file, canonical.apply(page.get().bytes()));
        }
    }
}
