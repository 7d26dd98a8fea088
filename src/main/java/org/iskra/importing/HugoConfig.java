package org.iskra.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Reads a Hugo site's configuration as Hugo does: {@code hugo.toml|yaml|yml|json} or {@code config.*} at the root,
 * and {@code config/_default/}, where each file is merged in and a file named after a key ({@code languages.toml},
 * {@code permalinks.yaml}) holds that key's value. Keys are read without regard to case, as Hugo reads them.
 */
final class HugoConfig {

    private static final List<String> NAMES = List.of("hugo", "config");
    private static final List<String> EXTENSIONS = List.of("toml", "yaml", "yml", "json");
    private static final TomlMapper TOML = new TomlMapper();
    private static final JsonMapper JSON = new JsonMapper();

    private HugoConfig() {
    }

    /** Whether {@code folder} is a site root: it has a configuration file or a config/_default folder. */
    static boolean isSiteRoot(Path folder) {
        return !configFiles(folder).isEmpty();
    }

    /** The site described by the configuration at {@code root}. */
    static HugoSite site(Path root, String fallbackLanguage) throws FileRejected {
        Map<String, Object> config = new LinkedHashMap<>();
        List<Path> files = configFiles(root);
        for (Path file : files) {
            Map<String, Object> values = lowerCaseKeys(read(file));
            String base = baseName(file);
            if (NAMES.contains(base)) {
                merge(config, values);
            } else {
                merge(config, Map.of(base, values));
            }
        }
        String defaultLanguage = text(config.get("defaultcontentlanguage"), fallbackLanguage);
        boolean inSubdir = Boolean.parseBoolean(text(config.get("defaultcontentlanguageinsubdir"), "false"));
        Path contentRoot = root.resolve(text(config.get("contentdir"), "content")).normalize();
        Map<String, HugoSite.HugoLanguage> languages = new LinkedHashMap<>();
        if (config.get("languages") instanceof Map<?, ?> configured) {
            List<HugoSite.HugoLanguage> list = new ArrayList<>();
            configured.forEach((key, value) -> {
                Map<?, ?> settings = value instanceof Map<?, ?> map ? map : Map.of();
                String dir = text(settings.get("contentdir"), null);
                int weight = number(settings.get("weight"));
                list.add(new HugoSite.HugoLanguage(String.valueOf(key), dir == null ? null : root.resolve(dir).normalize(), weight));
            });
            list.sort(Comparator.comparingInt(HugoSite.HugoLanguage::weight));
            list.forEach(language -> languages.put(language.key().toLowerCase(Locale.ROOT), language));
        }
        Map<String, String> permalinks = new LinkedHashMap<>();
        if (config.get("permalinks") instanceof Map<?, ?> configured) {
            configured.forEach((key, value) -> {
                if (value instanceof Map<?, ?> byKind) {
                    // Hugo 0.120+: permalinks.page.posts = "/:year/:slug/"
                    if (String.valueOf(key).equals("page")) {
                        byKind.forEach((section, pattern) -> permalinks.put(String.valueOf(section), String.valueOf(pattern)));
                    }
                } else if (value != null) {
                    permalinks.put(String.valueOf(key), String.valueOf(value));
                }
            });
        }
        String named = files.isEmpty() ? null : root.relativize(files.get(0)).toString().replace('\\', '/');
        return new HugoSite(root, contentRoot, defaultLanguage, inSubdir, languages, permalinks, named);
    }

    private static List<Path> configFiles(Path root) {
        List<Path> files = new ArrayList<>();
        for (String name : NAMES) {
            for (String extension : EXTENSIONS) {
                Path file = root.resolve(name + "." + extension);
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        }
        Path defaults = root.resolve("config").resolve("_default");
        if (Files.isDirectory(defaults)) {
            try (Stream<Path> list = Files.list(defaults)) {
                list.filter(Files::isRegularFile)
                        .filter(file -> EXTENSIONS.contains(extension(file)))
                        // the main file first, so that a languages.toml beside it adds to what it says
                        .sorted(Comparator.comparing((Path file) -> !NAMES.contains(baseName(file))).thenComparing(Path::toString))
                        .forEach(files::add);
            } catch (IOException e) {
                return files;
            }
        }
        return files;
    }

    private static Map<String, Object> read(Path file) throws FileRejected {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileRejected("cannot read the site configuration " + file.getFileName() + ": " + e.getMessage());
        }
        String name = file.getFileName().toString();
        try {
            return switch (extension(file)) {
                case "toml" -> orEmpty(TOML.readValue(text, new TypeReference<Map<String, Object>>() { }));
                case "json" -> orEmpty(JSON.readValue(text, new TypeReference<Map<String, Object>>() { }));
                default -> yaml(text, name);
            };
        } catch (JacksonException e) {
            throw new FileRejected("cannot read the site configuration " + name + ": " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> yaml(String text, String name) throws FileRejected {
        LoaderOptions options = FrontMatterParser.safeOptions();
        try {
            Object loaded = new Yaml(new SafeConstructor(options)).load(text);
            if (loaded == null) {
                return Map.of();
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new FileRejected("cannot read the site configuration " + name + ": not a set of key: value pairs");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> result.put(String.valueOf(key), value));
            return result;
        } catch (YAMLException e) {
            throw new FileRejected("cannot read the site configuration " + name + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> values) {
        values.forEach((key, value) -> {
            Object existing = into.get(key);
            if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) a);
                merge(merged, (Map<String, Object>) b);
                into.put(key, merged);
            } else {
                into.put(key, value);
            }
        });
    }

    /** Hugo's keys are case-insensitive; language keys ({@code zh-cn}) keep their case for the URL. */
    private static Map<String, Object> lowerCaseKeys(Map<String, Object> values) {
        Map<String, Object> result = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (value instanceof Map<?, ?> nested) {
                Map<String, Object> inner = new LinkedHashMap<>();
                nested.forEach((k, v) -> inner.put(String.valueOf(k), v));
                Map<String, Object> lowered = lower.equals("languages") ? languages(inner) : lowerCaseKeys(inner);
                result.put(lower, lowered);
            } else {
                result.put(lower, value);
            }
        });
        return result;
    }

    private static Map<String, Object> languages(Map<String, Object> languages) {
        Map<String, Object> result = new LinkedHashMap<>();
        languages.forEach((key, value) -> {
            if (value instanceof Map<?, ?> settings) {
                Map<String, Object> inner = new LinkedHashMap<>();
                settings.forEach((k, v) -> inner.put(String.valueOf(k), v));
                result.put(key, lowerCaseKeys(inner));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static String text(Object value, String fallback) {
        return value == null || value instanceof Map || value.toString().isBlank() ? fallback : value.toString().strip();
    }

    private static int number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? 0 : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
