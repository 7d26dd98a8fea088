package org.iskra.editor;

import java.util.List;

import org.iskra.articles.ArticleDesk;

/**
 * What the editor page shows, before it is rendered: the stored translation (null for a new one), the form, and
 * what happened. Each handler states only what differs from a plain form.
 *
 * @param previewHtml the body rendered as readers will see it, or null when no preview was asked for
 * @param problems    message keys of what is wrong with the form
 * @param conflict    someone saved a newer version; the form still holds this user's text
 * @param notice      message key of what just happened, or null
 * @param source      for a new translation: the translation it starts from, else null
 */
record EditorView(ArticleDesk.Draft draft, EditorForm form, String previewHtml, List<String> problems, boolean conflict,
                  String notice, ArticleDesk.Draft source) {

    static EditorView of(ArticleDesk.Draft draft, EditorForm form) {
        return new EditorView(draft, form, null, List.of(), false, null, null);
    }

    EditorView from(ArticleDesk.Draft startedFrom) {
        return new EditorView(draft, form, previewHtml, problems, conflict, notice, startedFrom);
    }

    EditorView preview(String html) {
        return new EditorView(draft, form, html, problems, conflict, notice, source);
    }

    EditorView problems(List<String> keys) {
        return new EditorView(draft, form, previewHtml, List.copyOf(keys), conflict, notice, source);
    }

    EditorView problem(String key) {
        return problems(List.of(key));
    }

    EditorView notice(String key) {
        return new EditorView(draft, form, previewHtml, problems, conflict, key, source);
    }

    EditorView conflicting() {
        return new EditorView(draft, form, previewHtml, problems, true, notice, source);
    }

    EditorView form(EditorForm other) {
        return new EditorView(draft, other, previewHtml, problems, conflict, notice, source);
    }
}
