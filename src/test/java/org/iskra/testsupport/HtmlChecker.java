package org.iskra.testsupport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.client.EmbeddedValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The W3C Nu HTML checker, embedded: returns its errors for a document, each with line and message. */
public final class HtmlChecker {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HtmlChecker() {
    }

    public static List<String> errors(String html) {
        try {
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            List<String> errors = new ArrayList<>();
            for (JsonNode message : JSON.readTree(report).path("messages")) {
                String type = message.path("type").asString();
                if ("error".equals(type) || "non-document-error".equals(type)) {
                    errors.add("line " + message.path("lastLine").asInt() + ": " + message.path("message").asString()
                            + " [" + message.path("extract").asString() + "]");
                }
            }
            return errors;
        } catch (Exception e) {
            throw new IllegalStateException("the Nu checker failed to run", e);
        }
    }
}
