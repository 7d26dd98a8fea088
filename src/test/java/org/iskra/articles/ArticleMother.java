package org.iskra.articles;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Translations for tests, with sensible defaults and a unique key, so tests never collide on a shared database. */
public final class ArticleMother {

    private final String key;
    private String language = "en";
    private String originalLanguage = "en";
    private String slug;
    private String title = "A test article";
    private String standfirst = "What the test article is about.";
    private String body = "## First section\n\nSome text.\n\n## Second section\n\nMore text.";
    private String attribution = "Test section";
    private boolean published = true;
    private OffsetDateTime publishedAt = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    private List<String> regions = List.of();
    private List<String> countries = List.of();
    private List<String> tags = List.of();
    private Long leadMediaId;
    private OffsetDateTime translatedFrom;
    private OffsetDateTime revisedAt;

    private ArticleMother(String key) {
        this.key = key;
        this.slug = "test-" + key;
    }

    public static ArticleMother article() {
        return new ArticleMother(UUID.randomUUID().toString().substring(0, 8));
    }

    /** A translation of this article: same key and original language, its own language and slug. */
    public ArticleMother translatedInto(String language) {
        ArticleMother translation = new ArticleMother(key);
        translation.language = language;
        translation.originalLanguage = originalLanguage;
        translation.slug = "test-" + key + "-" + language;
        translation.publishedAt = publishedAt;
        return translation;
    }

    public ArticleMother translatedFrom(OffsetDateTime originalRevisedAt) {
        this.translatedFrom = originalRevisedAt;
        return this;
    }

    public ArticleMother revisedAt(OffsetDateTime revisedAt) {
        this.revisedAt = revisedAt;
        return this;
    }

    public ArticleMother inLanguage(String language) {
        this.language = language;
        return this;
    }

    public ArticleMother writtenIn(String originalLanguage) {
        this.originalLanguage = originalLanguage;
        return this;
    }

    public ArticleMother slug(String slug) {
        this.slug = slug;
        return this;
    }

    public ArticleMother title(String title) {
        this.title = title;
        return this;
    }

    public ArticleMother standfirst(String standfirst) {
        this.standfirst = standfirst;
        return this;
    }

    public ArticleMother body(String body) {
        this.body = body;
        return this;
    }

    public ArticleMother draft() {
        this.published = false;
        return this;
    }

    public ArticleMother publishedAt(OffsetDateTime publishedAt) {
        this.publishedAt = publishedAt;
        return this;
    }

    public ArticleMother regions(String... regions) {
        this.regions = List.of(regions);
        return this;
    }

    public ArticleMother countries(String... countries) {
        this.countries = List.of(countries);
        return this;
    }

    public ArticleMother tags(String... tags) {
        this.tags = List.of(tags);
        return this;
    }

    public ArticleMother leadMedia(long mediaId) {
        this.leadMediaId = mediaId;
        return this;
    }

    public String key() {
        return key;
    }

    public String slug() {
        return slug;
    }

    public TranslationInput input() {
        return new TranslationInput("test-" + key, language, originalLanguage, slug, title, standfirst, body,
                attribution, published, publishedAt, revisedAt, translatedFrom, leadMediaId, regions, countries, tags, "test");
    }
}
