package org.iskra.translation;

/** A run of text that both versions share, or that only the old or only the new one has. */
public record DiffSegment(Kind kind, String text) {

    public enum Kind { SAME, REMOVED, ADDED }
}
