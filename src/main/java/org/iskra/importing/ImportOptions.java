package org.iskra.importing;

import java.nio.file.Path;

/**
 * What one import is asked to do.
 *
 * @param source       a Hugo site root or content folder, or a WordPress export file
 * @param uploads      a local copy of WordPress's {@code wp-content/uploads}, or null
 * @param map          a taxonomy map file ({@link TaxonomyMap}), or null for the default mapping
 * @param addLanguages languages found in the content join the site's languages
 * @param dryRun       read everything, write nothing, report the same
 * @param drafts       Hugo drafts come in as unpublished drafts instead of being skipped
 * @param by           who imports, for the record of added languages ("import", an administrator's email)
 */
public record ImportOptions(Path source, Path uploads, Path map, boolean addLanguages, boolean dryRun, boolean drafts,
                            String by) {

    public static ImportOptions of(Path source) {
        return new ImportOptions(source, null, null, false, false, false, "import");
    }

    public ImportOptions withDrafts() {
        return new ImportOptions(source, uploads, map, addLanguages, dryRun, true, by);
    }

    public ImportOptions withAddedLanguages() {
        return new ImportOptions(source, uploads, map, true, dryRun, drafts, by);
    }

    public ImportOptions asDryRun() {
        return new ImportOptions(source, uploads, map, addLanguages, true, drafts, by);
    }

    public ImportOptions withUploads(Path folder) {
        return new ImportOptions(source, folder, map, addLanguages, dryRun, drafts, by);
    }

    public ImportOptions withMap(Path file) {
        return new ImportOptions(source, uploads, file, addLanguages, dryRun, drafts, by);
    }
}
