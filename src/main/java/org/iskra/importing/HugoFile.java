package org.iskra.importing;

import java.nio.file.Path;

/**
 * Where a content file sits in a Hugo site and what its place says about it.
 *
 * @param path        relative to the site root (or the content folder), with {@code /}: how the summary names it
 * @param languageKey the language as the site writes it ({@code zh-cn}): from the file name ({@code name.ru.md}),
 *                    else its language's content folder, else the default; the old URLs use it
 * @param language    the same as a BCP 47 tag ({@code zh-CN}), or as written when it names no language
 * @param pathKey     the path without language and extension: files sharing it are translations of one article
 *                    unless their front matter says otherwise with {@code translationKey}
 * @param name        the file name without language and extension, or the bundle folder's name for {@code index.md}
 * @param dirs        the folders between the language's root and the page ({@code posts/2024}), for its URL
 * @param list        an {@code _index} file: a section's (or the home page's) list page
 * @param html        the body is HTML ({@code .html}), not Markdown
 */
record HugoFile(String path, Path file, String languageKey, String language, String pathKey, String name,
                String dirs, boolean bundle, boolean list, boolean html) {

    /** The first folder: Hugo's section, which picks the permalink pattern. */
    String section() {
        int slash = dirs.indexOf('/');
        return slash < 0 ? dirs : dirs.substring(0, slash);
    }
}
