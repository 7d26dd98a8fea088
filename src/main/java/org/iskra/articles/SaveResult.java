package org.iskra.articles;

/** What saving a translation did, and the translation's edit version afterwards. */
public record SaveResult(long articleId, long translationId, Outcome outcome, int version) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}
