package org.iskra.editor;

import java.util.List;

import org.iskra.articles.ArticleDesk;
import org.iskra.site.Language;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of the editor page.
 *
 * @param draft       the translation as stored, null for a new article
 * @param previewHtml the body rendered as readers will see it (sanitized), or null when no preview was asked for
 * @param problems    message keys of what is wrong with the form
 * @param conflict    someone saved a newer version; the form still holds this user's text
 * @param notice      message key of what just happened ("saved", "published"…), or null
 * @param transitions statuses this user may move the translation to
 * @param source      for a new translation: the translation it starts from, else null
 * @param original    what a translator reads beside the form, or null for an original
 * @param words       the body's word count
 * @param originalWords the original's word count, or 0 without one
 * @param aligned     the original and the form's body block by block, or null for an original
 * @param saveState   what the page says about saving when it is shown
 */
public record EditorPage(PageFrame frame, ArticleDesk.Draft draft, EditorForm form, String previewHtml, List<String> problems,
                  boolean conflict, String notice, List<String> transitions,
                  List<Language> languages, String script, ArticleDesk.Draft source,
                  ArticleDesk.Draft original, int words, int originalWords, AlignedParagraphs aligned,
                  SaveState saveState) {

    public Messages t() {
        return frame.t();
    }

    public String action() {
        return draft == null ? "/admin/articles/new" : "/admin/articles/" + draft.translationId();
    }

    /** Languages the article has no translation in yet, to offer "translate into". */
    public List<Language> otherLanguages() {
        return languages.stream().filter(l -> draft == null || !l.code().equals(draft.language())).toList();
    }

    /** Only a saved translation is autosaved: a new one has nothing yet to save over. */
    public String autosavePath() {
        return draft == null ? null : "/admin/articles/" + draft.translationId() + "/autosave";
    }

    public boolean isNew() {
        return draft == null;
    }

    public String publicPath() {
        return draft == null ? null : "/" + draft.language() + "/articles/" + draft.slug();
    }
}
