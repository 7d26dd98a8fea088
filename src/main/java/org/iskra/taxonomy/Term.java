package org.iskra.taxonomy;

/** A region, tag or country as a reader sees it: a stable slug (or ISO code) and a name in their language. */
public record Term(String slug, String name) {
}
