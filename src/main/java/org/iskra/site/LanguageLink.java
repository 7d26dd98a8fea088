package org.iskra.site;

/** An entry of the language menu: a language in its own name, and where it leads. */
public record LanguageLink(String code, String nativeName, String href, boolean current) {
}
