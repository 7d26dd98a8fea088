package org.iskra.feeds;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.iskra.articles.PublishedArticle;
import org.iskra.site.PageFrames;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Writes a channel's newest articles as an Atom 1.0 or RSS 2.0 document, with ROME. */
@Component
class FeedWriter {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    // Atom requires a feed's <updated>; a feed with nothing in it yet has never changed.
    private static final Date NEVER = Date.from(Instant.EPOCH);

    private final PageFrames frames;
    private final boolean fullContent;

    FeedWriter(PageFrames frames, FeedsProperties properties) {
        this.frames = frames;
        this.fullContent = properties.fullContent();
    }

    byte[] write(Channel channel, FeedFormat format, List<PublishedArticle> articles, String publisherName) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setEncoding(StandardCharsets.UTF_8.name());
        feed.setTitle(XmlText.clean(channel.title()));
        feed.setDescription(XmlText.clean(channel.description()));
        feed.setLanguage(channel.language().code());
        String pageUrl = frames.absolute(channel.pagePath());
        String selfUrl = frames.absolute(channel.feedPath(format));
        feed.setLink(pageUrl);
        feed.setUri(frames.absolute(channel.feedPath(FeedFormat.ATOM)));
        if (format == FeedFormat.ATOM) {
            feed.setLinks(List.of(link("alternate", "text/html", pageUrl), link("self", format.mimeType, selfUrl)));
        } else {
            // RSS has no self link of its own; the Atom namespace's is the accepted way to name one
            Element self = new Element("link", ATOM);
            self.setAttribute("href", selfUrl);
            self.setAttribute("rel", "self");
            self.setAttribute("type", format.mimeType);
            feed.setForeignMarkup(List.of(self));
        }
        feed.setPublishedDate(articles.stream().map(PublishedArticle::modifiedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).map(FeedWriter::date).orElse(NEVER));

        List<SyndEntry> entries = new ArrayList<>();
        for (PublishedArticle article : articles) {
            entries.add(entry(article, format, publisherName));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("could not write the " + format + " feed " + channel.pagePath(), e);
        }
    }

    private SyndEntry entry(PublishedArticle article, FeedFormat format, String publisherName) {
        String url = frames.absolute(article.path());
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(XmlText.clean(article.title()));
        entry.setLink(url);
        entry.setUri(id(article, url));
        entry.setPublishedDate(date(article.publishedAt()));
        entry.setUpdatedDate(date(article.modifiedAt()));
        entry.setAuthor(XmlText.clean(article.attribution() != null ? article.attribution() : publisherName));
        if (article.standfirst() != null && !article.standfirst().isBlank()) {
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            // an RSS description is read as HTML: plain text has to be escaped to stay plain
            String text = XmlText.clean(article.standfirst());
            summary.setValue(format == FeedFormat.RSS ? HtmlUtils.htmlEscape(text, "UTF-8") : text);
            entry.setDescription(summary);
        }
        if (fullContent) {
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(XmlText.clean(AbsoluteLinks.in(article.bodyHtml(), url)));
            entry.setContents(List.of(content));
        }
        return entry;
    }

    /**
     * A tag URI (RFC 4151) that stays the same when the slug or the title changes, so feed readers never show an
     * edited article twice: {@code tag:example.org,2026-10-05:articles/12/en}.
     */
    private String id(PublishedArticle article, String url) {
        String host = URI.create(frames.absolute("/")).getHost();
        if (host == null || article.publishedAt() == null) {
            return url;
        }
        return "tag:" + host + "," + article.publishedAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
                + ":articles/" + article.articleId() + "/" + article.language();
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static Date date(OffsetDateTime time) {
        return time == null ? null : Date.from(time.toInstant());
    }
}
