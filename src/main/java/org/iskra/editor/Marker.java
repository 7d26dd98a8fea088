package org.iskra.editor;

import org.iskra.articles.ArticleOverview;
import org.iskra.articles.EditorialStatus;

/**
 * Where an article stands in one language, as the article list marks it: a symbol and words, never colour alone.
 * {@code href} opens that text, or starts it when it is missing; null when this user may do neither.
 */
public record Marker(String language, State state, String href) {

    public enum State {
        ORIGINAL("●"), CURRENT("✓"), OUTDATED("!"), REVIEW("◐"), SCHEDULED("◷"), DRAFT("✎"), MISSING("+");

        private final String symbol;

        State(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public String cssClass() {
            return "marker marker-" + name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The key of the state's words, {@code editor.list.marker.*}. */
        public String key() {
            return "editor.list.marker." + name().toLowerCase(java.util.Locale.ROOT);
        }

        /** An unpublished (withdrawn) translation is worked on like a draft: readers do not see it. */
        static State of(ArticleOverview.Text text, boolean original) {
            if (original) {
                return ORIGINAL;
            }
            if (text == null) {
                return MISSING;
            }
            EditorialStatus status = text.status();
            return switch (status) {
                case PUBLISHED -> text.outdated() ? OUTDATED : CURRENT;
                case REVIEW -> REVIEW;
                case SCHEDULED -> SCHEDULED;
                case DRAFT, UNPUBLISHED -> DRAFT;
            };
        }
    }

    public String cssClass() {
        return state.cssClass();
    }
}
