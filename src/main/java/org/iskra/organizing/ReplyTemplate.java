package org.iskra.organizing;

/** A section's reply to applicants in one language; {name} and {section} are filled in when it is sent. */
public record ReplyTemplate(String language, String subject, String body) {
}
