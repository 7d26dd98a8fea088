package org.iskra.site;

/** A {@code <link rel="alternate" hreflang>}: the same page in another language, or {@code x-default}. */
public record Alternate(String hreflang, String href) {
}
