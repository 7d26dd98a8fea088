package org.iskra.feeds;

import java.time.OffsetDateTime;
import java.util.List;

import org.iskra.site.Alternate;

/** One {@code <url>} of a sitemap: an absolute address, when it last changed, and its language versions. */
record SitemapUrl(String loc, OffsetDateTime lastModified, List<Alternate> alternates) {
}
