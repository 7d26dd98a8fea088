package org.iskra.articles;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.iskra.media.MediaVariant;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.SocialMeta;
import org.iskra.site.StructuredData;
import org.springframework.stereotype.Component;

/**
 * What an article page tells machines about itself: Open Graph and Twitter card tags with its lead image, and a
 * schema.org {@code NewsArticle} that links the original and its translations both ways.
 */
@Component
class ArticleMetadata {

    private final MediaLibrary media;
    private final PageFrames frames;

    ArticleMetadata(MediaLibrary media, PageFrames frames) {
        this.media = media;
        this.frames = frames;
    }

    PageFrame describe(PageFrame frame, PublishedArticle article) {
        Optional<MediaImage> lead = leadImage(article);
        SocialMeta.Image image = lead.map(MediaImage::fallback)
                .map(v -> new SocialMeta.Image(frames.absolute(v.url()), v.width(), v.height()))
                .orElse(null);
        OffsetDateTime modified = article.modifiedAt();
        SocialMeta social = frame.social().asArticle(image, article.publishedAt(), modified);
        return frame.withSocial(social)
                .withStructuredData(StructuredData.of(newsArticle(frame, article, lead, modified)));
    }

    private Map<String, Object> newsArticle(PageFrame frame, PublishedArticle article, Optional<MediaImage> lead,
                                            OffsetDateTime modified) {
        String url = frames.absolute(article.path());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("@id", url);
        json.put("url", url);
        json.put("mainEntityOfPage", url);
        json.put("headline", article.title());
        if (article.standfirst() != null && !article.standfirst().isBlank()) {
            json.put("description", article.standfirst());
        }
        lead.ifPresent(image -> json.put("image", imageObject(image)));
        json.put("datePublished", iso(article.publishedAt()));
        json.put("dateModified", iso(modified));
        String publisherName = frame.t().get("site.name");
        json.put("author", organization(article.attribution() != null ? article.attribution() : publisherName, null));
        json.put("inLanguage", article.language());
        json.put("publisher", organization(publisherName, frames.absolute("/")));
        if (article.isOriginal()) {
            List<Map<String, Object>> translations = article.otherVersions().stream().map(this::reference).toList();
            if (!translations.isEmpty()) {
                json.put("workTranslation", translations);
            }
        } else {
            article.original().ifPresent(original -> json.put("translationOfWork", reference(original)));
        }
        return json;
    }

    private Map<String, Object> imageObject(MediaImage image) {
        MediaVariant shown = image.fallback();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@type", "ImageObject");
        json.put("url", frames.absolute(shown.url()));
        json.put("width", shown.width());
        json.put("height", shown.height());
        if (image.credit() != null && !image.credit().isBlank()) {
            json.put("creditText", image.credit());
        }
        return json;
    }

    private Map<String, Object> reference(ArticleVersion version) {
        String url = frames.absolute(version.path());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@type", "NewsArticle");
        json.put("@id", url);
        json.put("url", url);
        json.put("headline", version.title());
        json.put("inLanguage", version.language());
        return json;
    }

    private static Map<String, Object> organization(String name, String url) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@type", "Organization");
        json.put("name", name);
        if (url != null) {
            json.put("url", url);
        }
        return json;
    }

    /** A lead image that cannot be shown (no JPEG variant, deleted) is left out rather than failing the page. */
    private Optional<MediaImage> leadImage(PublishedArticle article) {
        if (article.leadMediaId() == null) {
            return Optional.empty();
        }
        return media.findById(article.leadMediaId()).filter(image -> !image.variants("jpeg").isEmpty());
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }
}
