package org.iskra.articles;

/** Which articles a listing shows: all of a language's, or those with one region, tag or country. */
public record ArticleListing(Kind kind, String key) {

    public enum Kind {
        LATEST(""),
        REGION(" and exists (select 1 from article_region ar join region g on g.id = ar.region_id where ar.article_id = a.id and g.slug = :key)"),
        TAG(" and exists (select 1 from article_tag at join tag g on g.id = at.tag_id where at.article_id = a.id and g.slug = :key)"),
        COUNTRY(" and exists (select 1 from article_country ac where ac.article_id = a.id and ac.country_code = :key)");

        final String filter;

        Kind(String filter) {
            this.filter = filter;
        }
    }

    public static ArticleListing latest() {
        return new ArticleListing(Kind.LATEST, "");
    }

    public static ArticleListing region(String slug) {
        return new ArticleListing(Kind.REGION, slug);
    }

    public static ArticleListing tag(String slug) {
        return new ArticleListing(Kind.TAG, slug);
    }

    public static ArticleListing country(String isoCode) {
        return new ArticleListing(Kind.COUNTRY, isoCode.toUpperCase(java.util.Locale.ROOT));
    }
}
