package org.iskra.site;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How a page presents itself when it is shared: the Open Graph and Twitter card tags. Every public page is a
 * {@code website} with its title, description and address; an article page adds its image and dates.
 *
 * @param locale           the page's locale as Open Graph writes it ({@code ru_RU})
 * @param alternateLocales the locales of the page's other language versions
 * @param image            the image to show with a shared link, or null
 */
public record SocialMeta(String type, String title, String description, String url, String siteName, String locale,
                         List<String> alternateLocales, Image image, OffsetDateTime publishedTime,
                         OffsetDateTime modifiedTime) {

    /** An image as served (one variant), with that variant's own size. */
    public record Image(String url, int width, int height) {
    }

    public SocialMeta {
        alternateLocales = List.copyOf(alternateLocales);
    }

    public static SocialMeta website(String title, String description, String url, String siteName, String locale,
                                     List<String> alternateLocales) {
        return new SocialMeta("website", title, description, url, siteName, locale, alternateLocales, null, null, null);
    }

    public SocialMeta asArticle(Image image, OffsetDateTime published, OffsetDateTime modified) {
        return new SocialMeta("article", title, description, url, siteName, locale, alternateLocales, image, published,
                modified);
    }

    public boolean hasDescription() {
        return description != null && !description.isBlank();
    }

    /** A large picture card when there is a picture to show, else the small summary card. */
    public String twitterCard() {
        return image == null ? "summary" : "summary_large_image";
    }

    public String publishedIso() {
        return iso(publishedTime);
    }

    public String modifiedIso() {
        return iso(modifiedTime);
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }
}
