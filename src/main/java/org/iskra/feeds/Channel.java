package org.iskra.feeds;

import org.iskra.site.Language;

/**
 * One feed, independent of its format: its language, names, and the page it follows ({@code /en/} or
 * {@code /en/regions/caucasus}); the feed itself lives beside that page as {@code feed.atom} and {@code feed.rss}.
 */
record Channel(Language language, String title, String description, String pagePath) {

    String feedPath(FeedFormat format) {
        return (pagePath.endsWith("/") ? pagePath : pagePath + "/") + "feed." + format.extension;
    }
}
