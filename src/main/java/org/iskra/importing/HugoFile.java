package org.iskra.importing;

import java.nio.file.Path;

/**
 * Where a Markdown file sits in a Hugo content folder and what its place says about it.
 *
 * @param path     relative to the content folder, with {@code /}: how the summary names the file
 * @param language from the file name ({@code name.ru.md}), else the first folder ({@code ru/…}), else the default
 * @param pathKey  the path without its language: files sharing it are translations of one article unless their
 *                 front matter says otherwise with {@code translationKey}
 * @param name     the file name without language and extension, or the bundle folder's name for {@code index.md}
 */
record HugoFile(String path, Path file, String language, String pathKey, String name) {
}
