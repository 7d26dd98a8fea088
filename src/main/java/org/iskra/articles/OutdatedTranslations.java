package org.iskra.articles;

/**
 * When a translation falls behind its original, as SQL. It is computed on every read, never stored: a flag would
 * have to be kept right on every path a change can take (import, editor, workflow), and one missed path would
 * leave readers with a stale translation that claims to be current.
 */
final class OutdatedTranslations {

    /**
     * For a row of {@code translation t} joined to its {@code article a}: the time the original's published revision
     * was made if it is newer than the revision this translation follows, else null.
     */
    static final String ORIGINAL_CHANGED_AT = """
            (select orr.revised_at
               from translation o
               join revision orr on orr.id = o.published_revision_id
               join revision sr on sr.id = t.source_revision_id
              where o.article_id = a.id
                and o.language = a.original_language
                and t.language <> a.original_language
                and o.status = 'published'
                and orr.number > sr.number)""";

    private OutdatedTranslations() {
    }
}
