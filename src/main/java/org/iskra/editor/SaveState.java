package org.iskra.editor;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Objects;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.TimeZone;
import org.iskra.articles.ArticleDesk;
import org.iskra.site.Language;

/**
 * What the editor says about saving when the page is shown: not saved yet (a new text), saved at a time (the form
 * holds the stored words), or unsaved changes (a preview or a refused save brought the form back with other words).
 * The time is written in UTC in the staff member's language; the script shows it in their own zone.
 *
 * @param key     message key of the state
 * @param savedAt when the newest revision was saved, or null
 * @param time    that time as the staff member's language writes it, in UTC, or null
 */
public record SaveState(String key, OffsetDateTime savedAt, String time) {

    static SaveState of(ArticleDesk.Draft draft, EditorForm form, OffsetDateTime newestRevision, Language language) {
        if (draft == null) {
            return new SaveState("editor.autosave.not-saved", null, null);
        }
        boolean stored = Objects.equals(form.title(), draft.title())
                && Objects.equals(form.standfirst(), draft.standfirst() == null ? "" : draft.standfirst().strip())
                && Objects.equals(form.body(), draft.body());
        if (!stored || newestRevision == null) {
            return new SaveState("editor.autosave.unsaved", null, null);
        }
        DateFormat format = DateFormat.getTimeInstance(DateFormat.SHORT, language.uLocale());
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return new SaveState("editor.autosave.saved-at", newestRevision.withNano(0),
                format.format(Date.from(newestRevision.toInstant())) + " UTC");
    }

    public boolean saved() {
        return savedAt != null;
    }
}
