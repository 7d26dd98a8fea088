package org.iskra.articles;

import java.time.OffsetDateTime;

/** The words of one revision: what a diff compares. */
public record RevisionText(long revisionId, int number, String title, String standfirst, String body, OffsetDateTime revisedAt) {
}
