package org.iskra.feeds;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.iskra.site.Alternate;

/** Sitemaps (sitemaps.org 0.9) with Google's {@code xhtml:link} language alternates, through a real XML writer. */
final class SitemapWriter {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** A sitemap index entry: where a sitemap is and when it last changed. */
    record Entry(String loc, OffsetDateTime lastModified) {
    }

    private SitemapWriter() {
    }

    static byte[] index(List<Entry> sitemaps) {
        return write(xml -> {
            xml.writeStartElement("", "sitemapindex", SITEMAP_NS);
            xml.writeDefaultNamespace(SITEMAP_NS);
            xml.writeCharacters("\n");
            for (Entry sitemap : sitemaps) {
                xml.writeStartElement(SITEMAP_NS, "sitemap");
                element(xml, "loc", sitemap.loc());
                if (sitemap.lastModified() != null) {
                    element(xml, "lastmod", w3cDate(sitemap.lastModified()));
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
        });
    }

    static byte[] urlset(List<SitemapUrl> urls) {
        return write(xml -> {
            xml.writeStartElement("", "urlset", SITEMAP_NS);
            xml.writeDefaultNamespace(SITEMAP_NS);
            xml.writeNamespace("xhtml", XHTML_NS);
            xml.writeCharacters("\n");
            for (SitemapUrl url : urls) {
                xml.writeStartElement(SITEMAP_NS, "url");
                element(xml, "loc", url.loc());
                if (url.lastModified() != null) {
                    element(xml, "lastmod", w3cDate(url.lastModified()));
                }
                for (Alternate alternate : url.alternates()) {
                    xml.writeEmptyElement(XHTML_NS, "link");
                    xml.writeAttribute("rel", "alternate");
                    xml.writeAttribute("hreflang", alternate.hreflang());
                    xml.writeAttribute("href", alternate.href());
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write a sitemap", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(SITEMAP_NS, name);
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }

    /** W3C Datetime in UTC to the second, as sitemaps want it: {@code 2026-10-07T17:00:00Z}. */
    static String w3cDate(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }
}
