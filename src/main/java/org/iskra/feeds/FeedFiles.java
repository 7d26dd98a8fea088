package org.iskra.feeds;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.iskra.articles.ArticleCatalog;
import org.iskra.articles.ArticleListing;
import org.iskra.articles.PublishedArticle;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.iskra.taxonomy.Taxonomy;
import org.iskra.taxonomy.Term;
import org.springframework.stereotype.Component;

/**
 * The feeds, sitemaps and robots.txt as bytes, for the live controllers and for the static mirror alike: one place
 * names each feed and lists each sitemap, so the mirror holds the same files the site answers.
 */
@Component
public class FeedFiles {

    static final int ENTRIES = 20;

    record Feed(byte[] body, FeedFormat format, OffsetDateTime lastModified) {
    }

    private final Languages languages;
    private final ArticleCatalog catalog;
    private final Taxonomy taxonomy;
    private final PageFrames frames;
    private final FeedWriter writer;
    private final Sitemaps sitemaps;

    FeedFiles(Languages languages, ArticleCatalog catalog, Taxonomy taxonomy, PageFrames frames, FeedWriter writer,
              Sitemaps sitemaps) {
        this.languages = languages;
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.frames = frames;
        this.writer = writer;
        this.sitemaps = sitemaps;
    }

    /** The Atom ({@code atom}) or RSS ({@code rss}) feed of a listing; empty when the listing does not exist. */
    public Optional<byte[]> feedBytes(Language language, ArticleListing listing, String extension) {
        return feed(language, listing, extension).map(Feed::body);
    }

    Optional<Feed> feed(Language language, ArticleListing listing, String extension) {
        Messages t = frames.messages(language);
        String code = language.code();
        Channel channel;
        switch (listing.kind()) {
            case LATEST -> channel = new Channel(language, t.get("site.name"), t.get("site.tagline"), "/" + code + "/");
            case REGION -> {
                Optional<Term> region = taxonomy.region(listing.key(), code);
                if (region.isEmpty()) {
                    return Optional.empty();
                }
                channel = channel(language, region.get(), "listing.region", "/regions/" + listing.key());
            }
            case TAG -> {
                Optional<Term> tag = taxonomy.tag(listing.key(), code);
                if (tag.isEmpty()) {
                    return Optional.empty();
                }
                channel = channel(language, tag.get(), "listing.tag", "/tags/" + listing.key());
            }
            default -> {
                String country = listing.key().toLowerCase(java.util.Locale.ROOT);
                Optional<Term> term = country.matches("[a-z]{2}") ? taxonomy.country(country, code) : Optional.empty();
                if (term.isEmpty()) {
                    return Optional.empty();
                }
                channel = channel(language, term.get(), "listing.country", "/countries/" + country);
            }
        }
        FeedFormat format = FeedFormat.byExtension(extension);
        List<PublishedArticle> articles = catalog.latestInFull(listing, code, ENTRIES);
        byte[] body = writer.write(channel, format, articles, t.get("site.name"));
        OffsetDateTime lastModified = articles.stream().map(PublishedArticle::updatedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return Optional.of(new Feed(body, format, lastModified));
    }

    private Channel channel(Language language, Term term, String headingKey, String pathInLanguage) {
        Messages t = frames.messages(language);
        return new Channel(language, t.get("feed.title.listing", t.get("site.name"), term.name()),
                t.get(headingKey, term.name()), "/" + language.code() + pathInLanguage);
    }

    public byte[] robots() {
        return """
                User-agent: *
                Allow: /
                Disallow: /admin/

                Sitemap: %s
                """.formatted(frames.absolute("/sitemap.xml")).getBytes(StandardCharsets.UTF_8);
    }

    /** The sitemap index and every part of every language's sitemap, by path ({@code /sitemap-en.xml}). */
    public Map<String, byte[]> sitemaps() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("/sitemap.xml", SitemapWriter.index(sitemaps.index()));
        for (Language language : languages.all()) {
            for (int part = 1; ; part++) {
                Optional<List<SitemapUrl>> urls = sitemaps.part(language, part);
                if (urls.isEmpty()) {
                    break;
                }
                files.put(Sitemaps.path(language, part), SitemapWriter.urlset(urls.get()));
            }
        }
        return files;
    }
}
