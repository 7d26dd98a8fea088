package org.iskra.articles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.iskra.site.MovedAddresses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An article's old addresses: where an imported site showed it, and its former slugs. Each answers 301 to the
 * article's current address, in the language the address was made for while that translation is published.
 */
@Service
public class ArticleAddresses implements MovedAddresses {

    private final RedirectStore store;

    ArticleAddresses(RedirectStore store) {
        this.store = store;
    }

    /**
     * Keeps {@code address} (a path or a whole URL of the old site) leading to the article. An address already kept
     * for another article now leads to this one: the newest import knows best.
     *
     * @return what happened, or empty when the address cannot be kept (too long, or no path at all)
     */
    @Transactional
    public Optional<SaveResult.Outcome> keep(long articleId, String language, String address) {
        Optional<OldAddress> old = OldAddress.of(address);
        if (old.isEmpty() || old.get().key().equals("/")) {
            return Optional.empty();
        }
        String key = old.get().key();
        Optional<RedirectStore.Target> existing = store.find(key);
        if (existing.isEmpty()) {
            store.insert(key, articleId, language);
            return Optional.of(SaveResult.Outcome.CREATED);
        }
        if (existing.get().articleId() == articleId && existing.get().language().equals(language)) {
            return Optional.of(SaveResult.Outcome.UNCHANGED);
        }
        store.update(key, articleId, language);
        return Optional.of(SaveResult.Outcome.UPDATED);
    }

    /** Whether an address could be kept at all, for a summary that explains why one was not. */
    public static boolean keepable(String address) {
        return OldAddress.of(address).filter(old -> !old.key().equals("/")).isPresent();
    }

    @Override
    public Optional<String> newLocation(String path, String query) {
        Optional<OldAddress> asked = OldAddress.of(path, query);
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        Optional<RedirectStore.Target> target = store.find(asked.get().key());
        if (target.isEmpty() && query != null) {
            target = OldAddress.of(path, null).flatMap(withoutQuery -> store.find(withoutQuery.key()));
        }
        return target.flatMap(t -> store.bestPublished(t.articleId(), t.language()))
                .map(published -> "/" + published.language() + "/articles/"
                        + URLEncoder.encode(published.slug(), StandardCharsets.UTF_8));
    }

    /** A former slug keeps leading to the translation (an editor or an import changed it). */
    void keepFormerSlug(long articleId, String language, String formerSlug) {
        keep(articleId, language, "/" + language + "/articles/" + formerSlug);
    }
}
