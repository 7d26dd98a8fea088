package org.iskra.articles;

import org.iskra.media.MediaImage;

/**
 * An article as the front page shows it: its summary, its picture (null when it has none) and whether the picture
 * loads at once. Only the first picture of a page does: it is what a reader sees first, the rest wait until they
 * scroll near them.
 */
public record ArticleCard(ArticleSummary article, MediaImage image, boolean eager) {

    public boolean hasImage() {
        return image != null;
    }
}
