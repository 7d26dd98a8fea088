package org.iskra.importing;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.iskra.site.Slugs;

/** A content file read: where it sits, its front matter and its Markdown body. */
record Page(HugoFile file, FrontMatter meta, String body) {

    static Page read(HugoFile file) throws FileRejected {
        String text;
        try {
            text = Files.readString(file.file(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new FileRejected("not UTF-8 text", e);
        } catch (IOException e) {
            throw new FileRejected("cannot read the file: " + e.getMessage(), e);
        }
        FrontMatterParser.Split split = FrontMatterParser.parse(text);
        return new Page(file, FrontMatter.of(split.fields()), split.body());
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

    /** The front matter's slug, else the file or bundle name, as lower-case ASCII words joined by hyphens. */
    String slug() throws FileRejected {
        String source = meta.slug() != null ? meta.slug() : file.name();
        String slug = Slugs.of(source);
        if (slug.isEmpty()) {
            throw new FileRejected("no usable slug in '" + source + "': set slug: in the front matter");
        }
        return slug;
    }
}
