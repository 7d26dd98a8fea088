package org.iskra.articles;

/** A published language version of an article, for "read it in …" links and hreflang alternates. */
public record ArticleVersion(String language, String slug, String title, boolean original) {

    public String path() {
        return "/" + language + "/articles/" + slug;
    }
}
