package org.iskra.importing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.toml.TomlMapper;

/** Splits a Hugo Markdown file into its front matter (YAML between {@code ---}, TOML between {@code +++}) and body. */
final class FrontMatterParser {

    /** A file's front matter as raw values (keys lower-cased: Hugo reads them case-insensitively) and its Markdown body. */
    record Split(Map<String, Object> fields, String body) {
    }

    private static final TomlMapper TOML = new TomlMapper();

    private FrontMatterParser() {
    }

    /** Front matter is small; a longer one is a mistake or an attack, and is refused before it is parsed. */
    static final int MAX_FRONT_MATTER = 256 * 1024;
    private static final int MAX_ALIASES = 50;

    /**
     * snakeyaml's limits for data from outside: few aliases (a "billion laughs" document expands a handful of
     * lines into gigabytes through them), little nesting, a bounded size.
     */
    static LoaderOptions safeOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(MAX_FRONT_MATTER);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** A file without front matter is all body: Hugo reads it so, and its title may come from its first heading. */
    static Split parse(String text) throws FileRejected {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        content = content.replace("\r\n", "\n");
        String firstLine = firstLine(content).strip();
        if (!firstLine.equals("---") && !firstLine.equals("+++")) {
            return new Split(Map.of(), stripLeadingBlankLines(content));
        }
        boolean yaml = firstLine.equals("---");
        int start = content.indexOf('\n') + 1;
        int end = closingLine(content, start, firstLine, yaml);
        if (end < 0) {
            throw new FileRejected("broken front matter: no closing " + firstLine);
        }
        String block = content.substring(start, end);
        if (block.length() > MAX_FRONT_MATTER) {
            throw new FileRejected("the front matter is longer than " + MAX_FRONT_MATTER / 1024 + " KB");
        }
        int bodyStart = content.indexOf('\n', end);
        String body = bodyStart < 0 ? "" : content.substring(bodyStart + 1);
        Map<String, Object> raw = yaml ? yaml(block) : toml(block);
        Map<String, Object> fields = new LinkedHashMap<>();
        raw.forEach((key, value) -> fields.put(String.valueOf(key).toLowerCase(Locale.ROOT), value));
        return new Split(fields, stripLeadingBlankLines(body));
    }

    private static Map<String, Object> yaml(String block) throws FileRejected {
        // SafeConstructor: front matter is data; it must never instantiate arbitrary classes.
        Yaml parser = new Yaml(new SafeConstructor(safeOptions()));
        Object loaded;
        try {
            loaded = parser.load(block);
        } catch (MarkedYAMLException e) {
            // +2: the opening --- is line 1 of the file, and snakeyaml counts from 0
            String where = e.getProblemMark() == null ? "" : " (line " + (e.getProblemMark().getLine() + 2) + ")";
            throw new FileRejected("broken YAML front matter: " + e.getProblem() + where, e);
        } catch (YAMLException e) {
            String message = firstLine(e.getMessage());
            if (message.contains("aliases")) {
                throw new FileRejected("the YAML front matter uses more than " + MAX_ALIASES
                        + " aliases (a \"billion laughs\" document?): refused", e);
            }
            throw new FileRejected("broken YAML front matter: " + message, e);
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new FileRejected("broken YAML front matter: not a set of key: value pairs");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value));
        return result;
    }

    private static Map<String, Object> toml(String block) throws FileRejected {
        try {
            Map<String, Object> map = TOML.readValue(block, new TypeReference<Map<String, Object>>() { });
            return map == null ? Map.of() : map;
        } catch (JacksonException e) {
            throw new FileRejected("broken TOML front matter: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    private static int closingLine(String content, int from, String fence, boolean yaml) {
        int lineStart = from;
        while (lineStart <= content.length()) {
            int lineEnd = content.indexOf('\n', lineStart);
            String line = (lineEnd < 0 ? content.substring(lineStart) : content.substring(lineStart, lineEnd)).strip();
            // YAML may also close a document with "..."
            if (line.equals(fence) || (yaml && line.equals("..."))) {
                return lineStart;
            }
            if (lineEnd < 0) {
                return -1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String stripLeadingBlankLines(String body) {
        int i = 0;
        int lineStart = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\n') {
                lineStart = i + 1;
            } else if (c != ' ' && c != '\t') {
                break;
            }
            i++;
        }
        return body.substring(Math.min(lineStart, body.length()));
    }
}
