package org.iskra.mirror;

/**
 * Where each live address lives in the mirror. Every page is a file named {@code index.html} (or
 * {@code page-N.html} for a listing's later pages), because file:// and some static hosts serve no folder index:
 * links name the file itself. {@code /en/articles/strike} → {@code en/articles/strike/index.html},
 * {@code /en/regions/caucasus?page=2} → {@code en/regions/caucasus/page-2.html}; feeds, sitemaps, media and assets
 * keep their names.
 */
final class MirrorPaths {

    private MirrorPaths() {
    }

    /**
     * The mirror file of a live page path (starting with {@code /}, no query) and page number.
     */
    static String fileOf(String path, int page) {
        if (isFile(path)) {
            return path.substring(1);
        }
        String folder = path.endsWith("/") ? path.substring(1) : path.substring(1) + "/";
        return folder + (page > 1 ? "page-" + page + ".html" : "index.html");
    }

    /** Feeds, sitemaps, robots.txt, media and assets are files already: their address is their name. */
    static boolean isFile(String path) {
        return path.endsWith(".atom") || path.endsWith(".rss") || path.endsWith(".xml") || path.endsWith(".txt")
                || path.startsWith("/media/") || path.startsWith("/assets/") || path.endsWith(".js");
    }

    /**
     * How a page in {@code fromFile} names {@code toFile}, both relative to the mirror's root: only as many
     * {@code ../} as the two paths do not share, so the mirror works under any path prefix.
     */
    static String relative(String fromFile, String toFile) {
        int shared = 0;
        int i = 0;
        // the folders both paths start with
        while (true) {
            int fromSlash = fromFile.indexOf('/', i);
            int toSlash = toFile.indexOf('/', i);
            if (fromSlash < 0 || fromSlash != toSlash || !fromFile.regionMatches(i, toFile, i, fromSlash - i)) {
                break;
            }
            i = fromSlash + 1;
            shared = i;
        }
        StringBuilder link = new StringBuilder();
        for (int j = shared; j < fromFile.length(); j++) {
            if (fromFile.charAt(j) == '/') {
                link.append("../");
            }
        }
        link.append(toFile, shared, toFile.length());
        return link.length() == 0 ? "./" : link.toString();
    }
}
