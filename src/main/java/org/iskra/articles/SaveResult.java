package org.iskra.articles;

/** What saving a translation did. */
public record SaveResult(long articleId, long translationId, Outcome outcome) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}
