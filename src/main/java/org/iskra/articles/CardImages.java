package org.iskra.articles;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iskra.media.MediaImage;
import org.iskra.media.MediaLibrary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The picture a card shows for an article: its lead image, else the first image of its published text in the
 * card's language (most articles, the demo's among them, have figures and no lead image set). An image without a
 * JPEG variant cannot be shown to every browser and counts as none.
 */
@Component
class CardImages {

    private final JdbcClient jdbc;
    private final MediaLibrary media;

    CardImages(JdbcClient jdbc, MediaLibrary media) {
        this.jdbc = jdbc;
        this.media = media;
    }

    private record Source(long articleId, Long leadMediaId, String body) {
    }

    /** Article id → picture, for the articles that have one, in one query for the texts and one for the figures. */
    Map<Long, MediaImage> of(Collection<Long> articleIds, String language) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        List<Source> sources = jdbc.sql("""
                        select a.id as article_id, a.lead_media_id, r.body
                          from translation t
                          join article a on a.id = t.article_id
                          join revision r on r.id = t.published_revision_id
                         where t.status = 'published' and t.language = :language and a.id in (:ids)""")
                .param("language", language)
                .param("ids", List.copyOf(articleIds))
                .query(Source.class).list();
        Map<Long, MediaImage> images = new LinkedHashMap<>();
        Map<Long, String> firstFigures = new HashMap<>();
        for (Source source : sources) {
            Optional<MediaImage> lead = source.leadMediaId() == null ? Optional.empty()
                    : media.findById(source.leadMediaId()).filter(CardImages::showable);
            if (lead.isPresent()) {
                images.put(source.articleId(), lead.get());
            } else {
                FigurePlaceholders.of(source.body()).figures().stream()
                        .map(FigureSpec::mediaHash).filter(hash -> hash != null).findFirst()
                        .ifPresent(hash -> firstFigures.put(source.articleId(), hash));
            }
        }
        Map<String, MediaImage> byHash = firstFigures.isEmpty() ? Map.of() : media.findByHashes(firstFigures.values());
        firstFigures.forEach((articleId, hash) -> {
            MediaImage image = byHash.get(hash);
            if (image != null && showable(image)) {
                images.put(articleId, image);
            }
        });
        return images;
    }

    private static boolean showable(MediaImage image) {
        return !image.variants("jpeg").isEmpty();
    }
}
