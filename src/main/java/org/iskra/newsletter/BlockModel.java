package org.iskra.newsletter;

import java.util.List;

import org.iskra.site.Messages;

/**
 * The model of the block under an article ({@code newsletter/block.jte}); {@code staticCopy}: a link to
 * {@code pageUrl} instead of the form.
 */
public record BlockModel(Messages t, String action, String from, Option pageLanguage,
                         List<Option> otherLanguages, List<Option> regions, String pageUrl, boolean staticCopy) {
}
