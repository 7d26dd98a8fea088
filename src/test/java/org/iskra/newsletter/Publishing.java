package org.iskra.newsletter;

import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.articles.EditorialStatus;
import org.iskra.articles.SaveResult;

/** Articles for the newsletter's tests: published through the editorial workflow, as an editor publishes. */
final class Publishing {

    private final ArticleWriter writer;

    Publishing(ArticleWriter writer) {
        this.writer = writer;
    }

    /** Saves the translation as a draft and publishes it as the editor's "publish" does; its translation id. */
    long publish(ArticleMother article) throws Exception {
        SaveResult draft = writer.save(article.draft().input());
        writer.changeStatus(draft.translationId(), draft.version(), EditorialStatus.PUBLISHED, null);
        return draft.translationId();
    }

    /** Saves the translation as the importer does, published at once. */
    long importPublished(ArticleMother article) throws Exception {
        return writer.save(article.input()).translationId();
    }
}
