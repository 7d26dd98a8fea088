package org.iskra.articles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Keeps several addresses of one translation as {@link #keep} keeps each, with one query for the ones already
     * kept and one batch for the new ones: an import keeps two or three addresses for each of thousands of texts.
     *
     * @return what happened to each address that could be kept, in their order
     */
    @Transactional
    public List<SaveResult.Outcome> keepAll(long articleId, String language, List<String> addresses) {
        Map<String, SaveResult.Outcome> outcomes = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (String address : addresses) {
            Optional<OldAddress> old = OldAddress.of(address);
            if (old.isPresent() && !old.get().key().equals("/")) {
                keys.add(old.get().key());
                outcomes.putIfAbsent(old.get().key(), null);
            }
        }
        Map<String, RedirectStore.Target> existing = store.findAll(outcomes.keySet());
        List<String> inserts = new ArrayList<>();
        for (String key : outcomes.keySet()) {
            RedirectStore.Target target = existing.get(key);
            if (target == null) {
                inserts.add(key);
                outcomes.put(key, SaveResult.Outcome.CREATED);
            } else if (target.articleId() == articleId && target.language().equals(language)) {
                outcomes.put(key, SaveResult.Outcome.UNCHANGED);
            } else {
                store.update(key, articleId, language);
                outcomes.put(key, SaveResult.Outcome.UPDATED);
            }
        }
        store.insertAll(inserts, articleId, language);
        // an address named twice is kept once; the second time it finds itself kept, as one keep() after another would
        List<SaveResult.Outcome> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            result.add(seen.add(key) ? outcomes.get(key) : SaveResult.Outcome.UNCHANGED);
        }
        return result;
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
