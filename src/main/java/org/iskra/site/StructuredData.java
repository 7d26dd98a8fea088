package org.iskra.site;

import java.util.Map;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A schema.org JSON-LD document for a page head, serialized by Jackson so every value is quoted right, and safe
 * to write inside {@code <script type="application/ld+json">}: {@code <}, {@code >} and {@code &} are written as
 * {@code \u003c}-style escapes, so no text (say, a title with {@code </script>} in it) can end the element or
 * open a comment. A JSON reader sees the same characters.
 */
public final class StructuredData {

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .characterEscapes(new ScriptSafeEscapes()).build()).build();

    private final String json;

    private StructuredData(String json) {
        this.json = json;
    }

    /** @param document nested maps, lists, strings and numbers; use ordered maps for readable output */
    public static StructuredData of(Map<String, ?> document) {
        return new StructuredData(JSON.writeValueAsString(document));
    }

    /** The serialized document, safe as the content of a script element. */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return json;
    }

    private static final class ScriptSafeEscapes extends CharacterEscapes {

        private final int[] escapes = standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
