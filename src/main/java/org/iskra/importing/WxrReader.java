package org.iskra.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export one item at a time with StAX, so a file of any size passes through a small heap.
 * External entities and DTDs are off: an export is data, and must not make the server read its files or expand
 * entities into gigabytes. The channel's head (site address, authors, language terms) comes first.
 */
final class WxrReader implements AutoCloseable {

    static final String WP_PREFIX = "http://wordpress.org/export/";
    /** The text of one element; a post longer than this is no article but a broken or hostile file. */
    private static final int MAX_TEXT = 32 * 1024 * 1024;

    /** The channel's head: what the items refer to. */
    record Channel(String link, String baseSiteUrl, String language, String wxrVersion, Map<String, String> authorNames) {
    }

    private final InputStream in;
    private final XMLStreamReader xml;
    private Channel channel;

    WxrReader(Path file) throws UnreadableSourceException {
        try {
            this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UnreadableSourceException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            this.xml = factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            close();
            throw broken(e);
        }
    }

    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        return factory;
    }

    /** Reads up to the first item; fails when the file is no WordPress export. */
    Channel channel() throws UnreadableSourceException {
        if (channel != null) {
            return channel;
        }
        String link = null;
        String baseSiteUrl = null;
        String language = null;
        String version = null;
        Map<String, String> authors = new HashMap<>();
        boolean rss = false;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String local = xml.getLocalName();
                String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
                if (!rss) {
                    if (!local.equals("rss")) {
                        throw new UnreadableSourceException("not a WordPress export: the file is XML, but its root element is <"
                                + local + ">, not <rss> (use Tools → Export in WordPress)");
                    }
                    rss = true;
                    continue;
                }
                if (local.equals("item")) {
                    break;
                }
                if (ns.startsWith(WP_PREFIX) && local.equals("wxr_version")) {
                    version = text();
                } else if (ns.startsWith(WP_PREFIX) && local.equals("base_site_url")) {
                    baseSiteUrl = text();
                } else if (ns.isEmpty() && local.equals("link") && link == null) {
                    link = text();
                } else if (ns.isEmpty() && local.equals("language")) {
                    language = text();
                } else if (ns.startsWith(WP_PREFIX) && local.equals("author")) {
                    Map<String, String> author = children("author");
                    String login = author.get("author_login");
                    if (login != null) {
                        String display = author.getOrDefault("author_display_name", "");
                        authors.put(login, display.isBlank() ? login : display.strip());
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw broken(e);
        }
        if (!rss) {
            throw new UnreadableSourceException("not a WordPress export: the file is empty");
        }
        if (version == null) {
            throw new UnreadableSourceException("not a WordPress export: an RSS file without <wp:wxr_version> (use Tools → Export in WordPress)");
        }
        if (!version.startsWith("1.")) {
            throw new UnreadableSourceException("WordPress export version " + version + " is not known (1.1 and 1.2 are)");
        }
        channel = new Channel(link, baseSiteUrl, language, version, authors);
        return channel;
    }

    /** The next item, or null at the end of the channel. The reader stands inside the item's start tag when called first. */
    WxrItem next() throws UnreadableSourceException {
        channel();
        try {
            if (!(xml.getEventType() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("item"))) {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("item")) {
                        break;
                    }
                    if (event == XMLStreamConstants.END_DOCUMENT) {
                        return null;
                    }
                }
                if (!xml.hasNext() && xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                    return null;
                }
            }
            if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                return null;
            }
            WxrItem item = item();
            return item;
        } catch (XMLStreamException e) {
            throw broken(e);
        }
    }

    private WxrItem item() throws XMLStreamException, UnreadableSourceException {
        Map<String, String> fields = new HashMap<>();
        List<WxrItem.Term> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("item")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String local = xml.getLocalName();
            String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
            if (local.equals("category") && ns.isEmpty()) {
                String domain = attribute("domain");
                String nicename = attribute("nicename");
                String name = text();
                if (domain != null) {
                    terms.add(new WxrItem.Term(domain, nicename == null ? name : nicename, name));
                }
            } else if (local.equals("postmeta")) {
                Map<String, String> pair = children("postmeta");
                String key = pair.get("meta_key");
                if (key != null) {
                    meta.putIfAbsent(key, pair.getOrDefault("meta_value", ""));
                }
            } else if (local.equals("comment")) {
                skip("comment");
            } else {
                String prefix = ns.startsWith(WP_PREFIX) && !ns.contains("excerpt") ? "wp:" : ns.contains("excerpt") ? "excerpt:" : ns.contains("content") ? "content:" : "";
                fields.put(prefix + local, text());
            }
        }
        return new WxrItem(number(fields.get("wp:post_id")), fields.getOrDefault("title", ""), fields.get("link"),
                fields.get("guid"), fields.get("creator"), fields.getOrDefault("content:encoded", ""),
                fields.getOrDefault("excerpt:encoded", ""), fields.get("wp:post_date"), fields.get("wp:post_date_gmt"),
                fields.get("wp:post_modified_gmt"), fields.getOrDefault("wp:post_name", ""), fields.getOrDefault("wp:status", ""),
                fields.getOrDefault("wp:post_type", ""), number(fields.get("wp:post_parent")), fields.get("wp:attachment_url"),
                terms, meta);
    }

    private String attribute(String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(name)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The text of the current element; nested elements (there should be none) contribute their text too. */
    private String text() throws XMLStreamException, UnreadableSourceException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + xml.getTextLength() > MAX_TEXT) {
                        throw new UnreadableSourceException("an element near line " + xml.getLocation().getLineNumber()
                                + " holds more than " + MAX_TEXT / 1024 / 1024 + " MB of text");
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> { }
            }
        }
        return text.toString();
    }

    /** The simple children of the current element (wp:author, wp:postmeta) by local name. */
    private Map<String, String> children(String parent) throws XMLStreamException, UnreadableSourceException {
        Map<String, String> values = new HashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(parent)) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String local = xml.getLocalName();
                values.put(local, text());
            }
        }
        return values;
    }

    private void skip(String element) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Why the XML cannot be read, in words for whoever exported it. */
    static UnreadableSourceException broken(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
        String detail = message.contains("Message:") ? message.substring(message.indexOf("Message:") + 8).strip() : message.strip();
        String lower = detail.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("utf-8") || lower.contains("byte") && lower.contains("sequence")) {
            return new UnreadableSourceException("the file is not in the encoding it declares (UTF-8)" + where
                    + ": export it again, or convert it to UTF-8", e);
        }
        if (lower.contains("xml document structures must start and end") || lower.contains("premature end")
                || lower.contains("unexpected eof") || lower.contains("end of file")) {
            return new UnreadableSourceException("the export is truncated" + where
                    + ": the file ends in the middle; download it again", e);
        }
        if (lower.contains("doctype") || lower.contains("entity")) {
            return new UnreadableSourceException("the file declares a DTD or entities, which a WordPress export never does"
                    + where + "; refused", e);
        }
        if (lower.contains("content is not allowed in prolog") || lower.contains("unexpected character")) {
            return new UnreadableSourceException("not a WordPress export: the file is not XML" + where, e);
        }
        return new UnreadableSourceException("the export is not well-formed XML" + where + ": " + detail, e);
    }

    @Override
    public void close() {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // the stream below is closed next anyway
        }
        try {
            in.close();
        } catch (IOException e) {
            // nothing left to read
        }
    }
}
