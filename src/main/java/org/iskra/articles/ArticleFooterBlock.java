package org.iskra.articles;

import org.iskra.site.Messages;

/**
 * A block another feature shows under every article (the newsletter's sign-up), so the article page stays free of
 * that feature: the feature depends on articles, never the other way round. The block's HTML is part of the cached
 * page, so it must not depend on the reader.
 */
public interface ArticleFooterBlock {

    /**
     * The block's HTML under this article, safe to write as it is, in the page's language.
     *
     * @param staticCopy no server will answer what the block posts (a static copy of the site, such as the mirror):
     *                   the block must then offer a link instead of a form
     */
    String html(PublishedArticle article, Messages t, boolean staticCopy);
}
