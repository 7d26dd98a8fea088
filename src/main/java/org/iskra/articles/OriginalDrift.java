package org.iskra.articles;

/**
 * How far a translation's original has moved: the original's revision the translation was made from and its
 * current published revision. They are the same revision when the translation is up to date.
 */
public record OriginalDrift(long articleId, String language, String originalLanguage, RevisionText followed, RevisionText current) {

    public boolean isOutdated() {
        return current.number() > followed.number();
    }
}
