package org.iskra.importing;

import java.util.List;

/**
 * One article as a source hands it over: the key that finds it again on the next import (Hugo's translationKey or
 * path, a WordPress site's post id), and its texts: the original first, then the translations in the order in
 * which they would stand in for an original that cannot be saved.
 */
record SourceArticle(String key, List<SourceText> texts) {

    SourceArticle {
        texts = List.copyOf(texts);
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("an article without texts: " + key);
        }
    }

    SourceText original() {
        return texts.get(0);
    }
}
