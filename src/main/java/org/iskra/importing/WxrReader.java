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

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export one item at a time with StAX, so a file of any size passes through a small heap; the
 * parser is {@link XmlStream}'s, with external entities and DTDs off. The channel's head (site address, authors,
 * language terms) comes first.
 */
final class WxrReader implements AutoCloseable {

    static final String WP_PREFIX = "http://wordpress.org/export/";

    /** The channel's head: what the items refer to. */
    record Channel(String link, String baseSiteUrl, String language, String wxrVersion, Map<String, String> authorNames) {
    }

    private final InputStream in;
    private final XMLStreamReader xml;
    private final XmlStream stream;
    private Channel channel;

    WxrReader(Path file) throws UnreadableSourceException {
        try {
            this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UnreadableSourceException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            this.xml = XmlStream.factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            close();
            throw XmlStream.broken(e);
        }
        this.stream = new XmlStream(xml);
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
                    version = stream.text();
                } else if (ns.startsWith(WP_PREFIX) && local.equals("base_site_url")) {
                    baseSiteUrl = stream.text();
                } else if (ns.isEmpty() && local.equals("link") && link == null) {
                    link = stream.text();
                } else if (ns.isEmpty() && local.equals("language")) {
                    language = stream.text();
                } else if (ns.startsWith(WP_PREFIX) && local.equals("author")) {
                    Map<String, String> author = stream.children("author");
                    String login = author.get("author_login");
                    if (login != null) {
                        String display = author.getOrDefault("author_display_name", "");
                        authors.put(login, display.isBlank() ? login : display.strip());
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw XmlStream.broken(e);
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
            throw XmlStream.broken(e);
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
                String domain = stream.attribute("domain");
                String nicename = stream.attribute("nicename");
                String name = stream.text();
                if (domain != null) {
                    terms.add(new WxrItem.Term(domain, nicename == null ? name : nicename, name));
                }
            } else if (local.equals("postmeta")) {
                Map<String, String> pair = stream.children("postmeta");
                String key = pair.get("meta_key");
                if (key != null) {
                    meta.putIfAbsent(key, pair.getOrDefault("meta_value", ""));
                }
            } else if (local.equals("comment")) {
                stream.skip();
            } else {
                String prefix = ns.startsWith(WP_PREFIX) && !ns.contains("excerpt") ? "wp:" : ns.contains("excerpt") ? "excerpt:" : ns.contains("content") ? "content:" : "";
                fields.put(prefix + local, stream.text());
            }
        }
        return new WxrItem(number(fields.get("wp:post_id")), fields.getOrDefault("title", ""), fields.get("link"),
                fields.get("guid"), fields.get("creator"), fields.getOrDefault("content:encoded", ""),
                fields.getOrDefault("excerpt:encoded", ""), fields.get("wp:post_date"), fields.get("wp:post_date_gmt"),
                fields.get("wp:post_modified_gmt"), fields.getOrDefault("wp:post_name", ""), fields.getOrDefault("wp:status", ""),
                fields.getOrDefault("wp:post_type", ""), number(fields.get("wp:post_parent")), fields.get("wp:attachment_url"),
                terms, meta);
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
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
