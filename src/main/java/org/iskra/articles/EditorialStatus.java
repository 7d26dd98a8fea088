package org.iskra.articles;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a translation stands in the editorial workflow, and where it may go next. */
public enum EditorialStatus {
    DRAFT, REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EditorialStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Publishing again is allowed: it shows the newest revision of a published translation. */
    public boolean mayBecome(EditorialStatus next) {
        return next(this).contains(next);
    }

    private static Set<EditorialStatus> next(EditorialStatus from) {
        switch (from) {
            case DRAFT:
                return EnumSet.of(REVIEW, SCHEDULED, PUBLISHED);
            case REVIEW:
                return EnumSet.of(DRAFT, SCHEDULED, PUBLISHED);
            case SCHEDULED:
                return EnumSet.of(DRAFT, SCHEDULED, PUBLISHED);
            case PUBLISHED:
                return EnumSet.of(PUBLISHED, UNPUBLISHED);
            case UNPUBLISHED:
                return EnumSet.of(DRAFT, REVIEW, SCHEDULED, PUBLISHED);
            default:
                throw new IllegalArgumentException(from.name());
        }
    }
}
