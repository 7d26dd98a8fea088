package org.iskra.importing;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A content file read: where it sits, its front matter, its title (from the front matter, else the body's first
 * heading) and, once asked for, its body.
 *
 * @param body null in the first pass over a site, which keeps only what grouping needs
 */
record HugoPage(HugoFile file, FrontMatter meta, String title, boolean blank, String body) {

    private static final Pattern FIRST_HEADING = Pattern.compile("\\A\\s*(?:#{1,2}[ \\t]+(.+?)[ \\t#]*|<h1[^>]*>(.*?)</h1>)\\s*(?:\\n|\\z)",
            Pattern.CASE_INSENSITIVE);
    /** Files larger than this are no article; reading one whole could exhaust the memory of a small server. */
    static final long MAX_FILE_SIZE = 16L * 1024 * 1024;

    static HugoPage read(HugoFile file, boolean keepBody) throws FileRejected {
        String text;
        try {
            if (Files.size(file.file()) > MAX_FILE_SIZE) {
                throw new FileRejected("larger than " + MAX_FILE_SIZE / 1024 / 1024 + " MB");
            }
            text = Files.readString(file.file(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new FileRejected("not UTF-8 text (save it as UTF-8)", e);
        } catch (IOException e) {
            throw new FileRejected("cannot read the file: " + e.getMessage(), e);
        }
        FrontMatterParser.Split split = FrontMatterParser.parse(text);
        FrontMatter meta = FrontMatter.of(split.fields());
        String body = split.body();
        String title = meta.title();
        if (title == null) {
            // a page without a title takes its first heading, which then is no longer part of the body
            Matcher heading = FIRST_HEADING.matcher(body);
            if (heading.find()) {
                String found = heading.group(1) != null ? heading.group(1) : heading.group(2).replaceAll("<[^>]+>", "");
                if (!found.isBlank()) {
                    title = found.strip();
                    body = body.substring(heading.end());
                }
            }
        }
        return new HugoPage(file, meta, title, body.isBlank(), keepBody ? body : null);
    }

    String path() {
        return file.path();
    }

    String language() {
        return file.language();
    }

    /** Which article this is a translation of: Hugo's translationKey, else the path without the language. */
    String key() {
        return meta.translationKey() != null ? meta.translationKey() : file.pathKey();
    }
}
