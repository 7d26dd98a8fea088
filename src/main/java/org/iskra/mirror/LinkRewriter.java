package org.iskra.mirror;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a rendered page work inside the mirror: every address of the site in a link, image, srcset, stylesheet,
 * script or form becomes relative to the page's own file, so the copy works from any path prefix, from file://, on
 * an IPFS gateway or an onion address. The canonical and hreflang links keep pointing at the live site (or at the
 * mirror's own public address); what needs a server (the join form, the newsletter) points at the server readers
 * of the mirror can reach. Every page, feed, image and asset a page names is reported, so the mirror is found by
 * following the links the pages have: whatever a reader can reach is written.
 *
 * <p>Works on the template's output with expressions, not an HTML parser: the templates and the body sanitizer
 * write every attribute in double quotes, and a parse and re-serialisation of each of thousands of pages would cost
 * more than its rendering.
 */
final class LinkRewriter {

    /** What a page names that the mirror must hold too. */
    interface Found {
        void page(String path, int page);

        void media(String fileName);

        void asset(String path);
    }

    /**
     * @param liveBase      the live site's address ({@code ISKRA_BASE_URL}), which pages name in full
     * @param canonicalBase where canonical and alternate links point: the mirror's public address or the live site
     * @param serverBase    where what needs a server (join, newsletter) is reached from the mirror
     */
    record Bases(String liveBase, String canonicalBase, String serverBase) {
    }

    private static final Pattern TAG = Pattern.compile("<(?:a|link|img|source|script|form)\\s[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\s(?:href|src|srcset|action)=\")([^\"]*)\"");
    private static final Pattern SERVER_ONLY = Pattern.compile("/[A-Za-z][A-Za-z0-9-]*/(?:join|newsletter)(?:/.*)?|/admin(?:/.*)?|/actuator(?:/.*)?|/language/?");
    private static final Pattern SEARCH = Pattern.compile("/([A-Za-z][A-Za-z0-9-]*)/search");
    private static final Pattern ENTITY = Pattern.compile("&(amp|quot|lt|gt|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
    private static final Pattern PAGE = Pattern.compile("(?:^|&)page=([1-9][0-9]{0,5})(?:&|$)");

    private final Bases bases;

    LinkRewriter(Bases bases) {
        this.bases = bases;
    }

    /** The page's HTML with its links rewritten; {@code file} is its place in the mirror, e.g. {@code en/index.html}. */
    String rewrite(String html, String file, Found found) {
        Matcher tags = TAG.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 512);
        int last = 0;
        while (tags.find()) {
            out.append(html, last, tags.start());
            out.append(rewriteTag(tags.group(), file, found));
            last = tags.end();
        }
        out.append(html, last, html.length());
        return out.toString();
    }

    private String rewriteTag(String tag, String file, Found found) {
        boolean pointsAtLiveSite = tag.startsWith("<link") && (tag.contains("rel=\"canonical\"")
                || (tag.contains("rel=\"alternate\"") && tag.contains("hreflang=")));
        Matcher attributes = ATTRIBUTE.matcher(tag);
        StringBuilder out = new StringBuilder(tag.length() + 32);
        int last = 0;
        while (attributes.find()) {
            out.append(tag, last, attributes.start());
            String value = attributes.group(2);
            String rewritten;
            if (pointsAtLiveSite) {
                rewritten = value.startsWith(bases.liveBase())
                        ? bases.canonicalBase() + value.substring(bases.liveBase().length()) : value;
            } else if (attributes.group(1).contains("srcset")) {
                rewritten = srcset(value, file, found);
            } else {
                rewritten = link(value, file, found);
            }
            out.append(attributes.group(1)).append(rewritten).append('"');
            last = attributes.end();
        }
        out.append(tag, last, tag.length());
        return out.toString();
    }

    private String srcset(String value, String file, Found found) {
        StringBuilder out = new StringBuilder();
        for (String candidate : value.split(",")) {
            String trimmed = candidate.strip();
            int space = trimmed.indexOf(' ');
            String address = space < 0 ? trimmed : trimmed.substring(0, space);
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(link(address, file, found)).append(space < 0 ? "" : trimmed.substring(space));
        }
        return out.toString();
    }

    /** One address, as written in the attribute (HTML-escaped), rewritten for the page in {@code file}. */
    String link(String value, String file, Found found) {
        String url = unescape(value);
        if (url.startsWith(bases.liveBase() + "/")) {
            url = url.substring(bases.liveBase().length());
        } else if (url.equals(bases.liveBase())) {
            url = "/";
        }
        if (!url.startsWith("/") || url.startsWith("//")) {
            return value;
        }
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String rest = hash < 0 ? url : url.substring(0, hash);
        int question = rest.indexOf('?');
        String path = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);
        if (path.startsWith("/language/")) {
            // the language menu goes through /language/xx to remember the choice; a copy goes to the page itself
            String next = parameter(query, "next");
            String code = path.substring("/language/".length());
            String target = next != null && next.startsWith("/") && !next.startsWith("//") ? next : "/" + code + "/";
            return link(escape(target), file, found);
        }
        if (SERVER_ONLY.matcher(path).matches()) {
            return escape(bases.serverBase() + rest) + fragment;
        }
        String target;
        if (path.startsWith("/media/")) {
            found.media(path.substring("/media/".length()));
            target = path.substring(1);
        } else if (path.startsWith("/assets/")) {
            found.asset(path);
            target = path.substring(1);
        } else if (SEARCH.matcher(path).matches()) {
            found.page(path, 1);
            target = MirrorPaths.fileOf(path, 1);
        } else {
            Matcher page = PAGE.matcher(query);
            int number = page.find() ? Integer.parseInt(page.group(1)) : 1;
            found.page(path, number);
            target = MirrorPaths.fileOf(path, number);
        }
        return escape(MirrorPaths.relative(file, target)) + fragment;
    }

    /** The attribute's text as the browser reads it: the sanitizer writes {@code =} as {@code &#61;} and so on. */
    private static String unescape(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        Matcher entities = ENTITY.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        while (entities.find()) {
            String entity = entities.group(1);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                default -> entity.startsWith("#x") || entity.startsWith("#X")
                        ? character(entity.substring(2), 16, entities.group())
                        : character(entity.substring(1), 10, entities.group());
            };
            entities.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entities.appendTail(out);
        return out.toString();
    }

    private static String character(String digits, int radix, String asWritten) {
        int codePoint = Integer.parseInt(digits, radix);
        return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : asWritten;
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                try {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String escape(String url) {
        return url.replace("&", "&amp;").replace("\"", "&quot;");
    }
}
