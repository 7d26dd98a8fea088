package org.iskra.importing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local copy of a WordPress site's {@code wp-content/uploads}: where an image's URL or an attachment's
 * {@code _wp_attached_file} points. Nothing is ever downloaded: an image not in the folder is reported missing.
 * A resized copy ({@code photo-1024x768.jpg}, {@code photo-scaled.jpg}) that is not there leads to the original,
 * which Iskra re-encodes into its own sizes anyway.
 */
final class UploadsFolder {

    private static final Pattern UPLOADS = Pattern.compile("/wp-content/uploads/(.+)$");
    private static final Pattern SIZED = Pattern.compile("^(.*?)(-\\d{2,5}x\\d{2,5}|-scaled|-e\\d{10,})(\\.[A-Za-z0-9]+)$");

    private final Path root;

    /** @param root null when no folder was given: every image is then missing */
    UploadsFolder(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    boolean given() {
        return root != null;
    }

    /** The file for an image URL of the old site, or null. */
    Path forUrl(String url) {
        if (root == null || url == null) {
            return null;
        }
        String clean = url.strip();
        int query = clean.indexOf('?');
        if (query >= 0) {
            clean = clean.substring(0, query);
        }
        Matcher m = UPLOADS.matcher(clean);
        return m.find() ? forRelative(MarkdownPaths.decoded(m.group(1))) : null;
    }

    /** The file for a path relative to the uploads folder ({@code 2024/05/photo.jpg}), or null. */
    Path forRelative(String relative) {
        if (root == null || relative == null || relative.isBlank()) {
            return null;
        }
        Path file = root.resolve(relative.strip()).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.isRegularFile(file)) {
            return file;
        }
        Matcher sized = SIZED.matcher(file.getFileName().toString());
        if (sized.matches()) {
            Path original = file.resolveSibling(sized.group(1) + sized.group(3));
            if (Files.isRegularFile(original)) {
                return original;
            }
        }
        return null;
    }
}
