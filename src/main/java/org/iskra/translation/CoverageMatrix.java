package org.iskra.translation;

import java.util.List;

/**
 * Translation coverage as a matrix for one screen: the site's languages across (the asked or a translator's own
 * first), one page of published originals down (the most needed first), each cell the state of that translation;
 * and, once the originals no longer fit one page, the regions down with counts per language.
 */
public record CoverageMatrix(List<Column> columns, List<Row> rows, int page, int pageCount, int originals,
                             List<RegionRow> regions) {

    /** A language; {@code own} when it is the asked language or one the translator translates into. */
    public record Column(String language, String name, boolean own, Coverage.Counts counts) {
    }

    public record Row(long articleId, String originalLanguage, String title, String path, List<Cell> cells) {
    }

    /**
     * One translation: {@code state} is original, current, outdated or missing. {@code href} leads to what there is
     * to do or see: the original's changes for an outdated one (to whoever translates into that language), the
     * start of a missing one, the page readers see for a current one or the original.
     */
    public record Cell(String language, String state, String href) {

        public String symbol() {
            return switch (state) {
                case "original" -> "●";
                case "current" -> "✓";
                case "outdated" -> "!";
                default -> "–";
            };
        }
    }

    public record RegionRow(String region, String name, List<Coverage.Counts> counts) {
    }

    public static final List<String> STATES = List.of("original", "current", "outdated", "missing");

    public static String symbolOf(String state) {
        return new Cell("", state, null).symbol();
    }
}
