package org.iskra.articles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Everything the public page of one translation shows. {@code bodyHtml} is sanitized and safe to write as is. */
public record PublishedArticle(
        long articleId,
        long translationId,
        String language,
        String slug,
        String title,
        String standfirst,
        String bodyHtml,
        String attribution,
        String originalLanguage,
        OffsetDateTime publishedAt,
        OffsetDateTime revisedAt,
        OffsetDateTime updatedAt,
        Long leadMediaId,
        OffsetDateTime originalChangedAt,
        List<ArticleVersion> versions) {

    /**
     * A translation is outdated when the original has a newer published revision than the one it was made from;
     * {@code originalChangedAt} is then when the original changed, and null otherwise.
     */
    public boolean isOutdated() {
        return originalChangedAt != null;
    }

    public boolean isOriginal() {
        return language.equals(originalLanguage);
    }

    public Optional<ArticleVersion> original() {
        return versions.stream().filter(ArticleVersion::original).findFirst();
    }

    public List<ArticleVersion> otherVersions() {
        return versions.stream().filter(v -> !v.language().equals(language)).toList();
    }

    /** When the text last changed: the published revision's date, never before the publication. */
    public OffsetDateTime modifiedAt() {
        if (revisedAt == null || publishedAt == null) {
            return publishedAt;
        }
        return revisedAt.isAfter(publishedAt) ? revisedAt : publishedAt;
    }

    public String path() {
        return "/" + language + "/articles/" + slug;
    }
}
