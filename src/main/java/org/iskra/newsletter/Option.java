package org.iskra.newsletter;

/** A box to tick on a form: its value, its label (and the label's language, for a language's own name), ticked or not. */
public record Option(String value, String label, String lang, boolean checked) {
}
