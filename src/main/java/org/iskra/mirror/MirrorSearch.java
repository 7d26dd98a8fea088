package org.iskra.mirror;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iskra.articles.TranslationStamp;
import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.stereotype.Component;

/**
 * Search in a copy of the site with no server: one small index per language (every published title with the
 * address of its page, newest first), a script of its own that finds titles holding every word searched, and a page
 * that says where the full search is for readers without script. The index is a script, not a JSON file, because a
 * page opened from file:// may load scripts but not fetch files.
 */
@Component
class MirrorSearch {

    private final PageFrames frames;
    private final PageRenderer renderer;
    private final Languages languages;

    MirrorSearch(PageFrames frames, PageRenderer renderer, Languages languages) {
        this.frames = frames;
        this.renderer = renderer;
        this.languages = languages;
    }

    static String indexPath(Language language) {
        return "/" + language.code() + "/search-index.js";
    }

    byte[] page(Language language, String serverBase) {
        Messages t = frames.messages(language);
        Map<String, String> versions = new LinkedHashMap<>();
        languages.all().forEach(other -> versions.put(other.code(), "/" + other.code() + "/search"));
        PageFrame frame = frames.frame(language, t.get("mirror.search.title"), t.get("site.tagline"),
                "/" + language.code() + "/search", versions, "/" + languages.defaultLanguage().code() + "/search");
        MirrorSearchPage page = new MirrorSearchPage(frame, indexPath(language), frames.assetPath("assets/mirror-search.js"),
                serverBase + "/" + language.code() + "/search");
        return renderer.render("mirror/search.jte", page);
    }

    /** The index of one language, addresses relative to its search page ({@code en/search/index.html}). */
    static byte[] index(List<TranslationStamp> published) {
        StringBuilder script = new StringBuilder(published.size() * 90 + 64).append("window.iskraMirrorIndex=[");
        for (int i = published.size() - 1; i >= 0; i--) {
            TranslationStamp stamp = published.get(i);
            script.append('[');
            string(script, stamp.title());
            script.append(',');
            string(script, "../articles/" + stamp.slug() + "/index.html");
            script.append(']');
            if (i > 0) {
                script.append(",\n");
            }
        }
        return script.append("];\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
