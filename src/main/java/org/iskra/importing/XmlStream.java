package org.iskra.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What reading an untrusted XML file as a stream takes, apart from what the file means: a parser with DTDs and
 * external entities off (an export is data, and must not make the server read its files or expand entities into
 * gigabytes), an element's text within a limit, and the parser's complaint in words for whoever exported the file.
 */
final class XmlStream {

    /** The text of one element; a post longer than this is no article but a broken or hostile file. */
    private static final int MAX_TEXT = 32 * 1024 * 1024;

    private final XMLStreamReader xml;

    XmlStream(XMLStreamReader xml) {
        this.xml = xml;
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

    String attribute(String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(name)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The text of the current element; nested elements (there should be none) contribute their text too. */
    String text() throws XMLStreamException, UnreadableSourceException {
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
    Map<String, String> children(String parent) throws XMLStreamException, UnreadableSourceException {
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

    /** Passes over the current element and all it holds. */
    void skip() throws XMLStreamException {
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

    /** Why the XML cannot be read, in words for whoever exported it. */
    static UnreadableSourceException broken(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
        String detail = message.contains("Message:") ? message.substring(message.indexOf("Message:") + 8).strip() : message.strip();
        String lower = detail.toLowerCase(Locale.ROOT);
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
}
