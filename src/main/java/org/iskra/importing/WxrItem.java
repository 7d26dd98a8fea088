package org.iskra.importing;

import java.util.List;
import java.util.Map;

/**
 * One {@code <item>} of a WordPress export (WXR), as {@code wp-admin/includes/export.php} writes it: a post, a page,
 * an attachment or anything else WordPress stores as a post.
 *
 * @param link       the permalink as the old site served it
 * @param creator    the author's login ({@code dc:creator})
 * @param name       the slug ({@code wp:post_name}), still URL-encoded as WordPress stores non-Latin slugs
 * @param postDateGmt {@code wp:post_date_gmt}, "0000-00-00 00:00:00" for a draft that was never published
 * @param terms      {@code <category domain nicename>} elements: categories, tags, Polylang's language and group
 * @param meta       {@code wp:postmeta} by key (the first value of each key)
 */
record WxrItem(long id, String title, String link, String guid, String creator, String content, String excerpt,
               String postDate, String postDateGmt, String modifiedGmt, String name, String status, String type,
               long parent, String attachmentUrl, List<Term> terms, Map<String, String> meta) {

    record Term(String domain, String nicename, String name) {
    }

    List<String> termNames(String domain) {
        return terms.stream().filter(term -> term.domain().equals(domain)).map(Term::name).toList();
    }

    String term(String domain) {
        return terms.stream().filter(term -> term.domain().equals(domain)).map(Term::nicename).findFirst().orElse(null);
    }
}
