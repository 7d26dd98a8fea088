package org.iskra.join;

/** A country in the form's list: its ISO code and its name in the reader's language. */
public record CountryOption(String code, String name) {
}
