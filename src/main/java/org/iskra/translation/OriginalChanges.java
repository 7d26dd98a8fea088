package org.iskra.translation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.OriginalDrift;
import org.springframework.stereotype.Service;

/** "What changed in the original since you translated it", field by field, word by word. */
@Service
public class OriginalChanges {

    /** The word diffs of the original between the revision a translation follows and the current one. */
    public record Changes(boolean outdated, int followedRevision, int currentRevision, OffsetDateTime changedAt,
                          List<DiffSegment> title, List<DiffSegment> standfirst, List<DiffSegment> body) {
    }

    private final ArticleCatalog catalog;

    OriginalChanges(ArticleCatalog catalog) {
        this.catalog = catalog;
    }

    public Optional<Changes> since(String language, String slug) {
        return catalog.originalDrift(language, slug).map(OriginalChanges::changes);
    }

    public Optional<String> originalLanguage(String language, String slug) {
        return catalog.originalDrift(language, slug).map(OriginalDrift::originalLanguage);
    }

    private static Changes changes(OriginalDrift drift) {
        var from = drift.followed();
        var to = drift.current();
        return new Changes(drift.isOutdated(), from.number(), to.number(), to.revisedAt(),
                WordDiff.diff(from.title(), to.title()),
                WordDiff.diff(from.standfirst(), to.standfirst()),
                WordDiff.diff(from.body(), to.body()));
    }
}
