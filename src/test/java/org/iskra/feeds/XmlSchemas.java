package org.iskra.feeds;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Validates documents against the schemas in {@code src/test/resources/schemas}; returns every error found. */
final class XmlSchemas {

    private XmlSchemas() {
    }

    static List<String> errors(String schemaResource, byte[] document) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // the schemas import each other from the test classpath, never from the network
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            URL schemaUrl = XmlSchemas.class.getResource("/schemas/" + schemaResource);
            if (schemaUrl == null) {
                throw new IllegalArgumentException("no schema " + schemaResource);
            }
            Schema schema = factory.newSchema(schemaUrl);
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            List<String> errors = new ArrayList<>();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
            return errors;
        } catch (SAXParseException e) {
            return List.of("not well-formed, line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("could not validate against " + schemaResource, e);
        }
    }
}
