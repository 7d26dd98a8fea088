package org.iskra.articles;

import java.util.Set;

/** Published after commit when an article's public text or metadata changed in some languages. */
public record ArticleChanged(long articleId, Set<String> languages) {
}
