package org.iskra.editor;

import java.util.List;

import org.iskra.articles.ArticleDesk;
import org.springframework.security.core.Authentication;

/**
 * Who may do what with texts in the back office, decided in one typed place (the editor's controller asks, never
 * decides). Editors and administrators work on everything; an author on the articles they created; a translator on
 * the translations into their languages, and reads only what is theirs to translate: a published original (as
 * readers see it, never its unpublished changes) or a translation they may edit. Any other text answers a
 * translator as if its id did not exist.
 */
record DeskAccess(String user, boolean editor, boolean author, List<String> translatesInto) {

    /** How much of a text this user may read to translate from it. */
    enum Reading {
        /** the newest revision, unpublished changes included */
        NEWEST,
        /** the published revision only */
        PUBLISHED,
        /** nothing: to a translator the text does not exist */
        NONE
    }

    static DeskAccess of(Authentication authentication) {
        List<String> authorities = authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        return new DeskAccess(authentication.getName(),
                authorities.contains("ROLE_ADMINISTRATOR") || authorities.contains("ROLE_EDITOR"),
                authorities.contains("ROLE_AUTHOR"),
                authorities.stream().filter(a -> a.startsWith("TRANSLATOR:")).map(a -> a.substring("TRANSLATOR:".length())).toList());
    }

    /** A translator and nothing else: sees the texts in their languages and never writes an original. */
    boolean translatorOnly() {
        return !editor && !author && !translatesInto.isEmpty();
    }

    /** Opens, saves and moves along the workflow: editors all, authors their own, translators their languages. */
    boolean mayEdit(ArticleDesk.Draft draft) {
        return editor || user.equals(draft.createdBy()) || (!draft.isOriginal() && translatesInto.contains(draft.language()));
    }

    /** Authors, editors and administrators write new articles; a translator only translates, into their languages. */
    boolean mayStart(ArticleDesk.Draft source, String language) {
        return editor || author || (source != null && translatesInto.contains(language));
    }

    /**
     * What this user may read of a text to translate from it (the source of a new translation, the original shown
     * beside one). Whoever may edit the text reads all of it; a translator reads a published original as
     * published, and nothing else.
     */
    Reading reading(ArticleDesk.Draft text) {
        if (mayEdit(text)) {
            return Reading.NEWEST;
        }
        if (!translatorOnly()) {
            // authors are refused texts they may not open, as before (403)
            return Reading.NONE;
        }
        return text.isOriginal() && text.publishedRevision() != null && "published".equals(text.status())
                ? Reading.PUBLISHED : Reading.NONE;
    }

    /** The language the article list shows: a translator's own, unless they asked for another of theirs. */
    String listedLanguage(String asked) {
        return translatorOnly() && !translatesInto.contains(asked) ? translatesInto.get(0) : asked;
    }

    /** Whose articles the list shows: an author sees what they wrote, the others anyone's (or the one asked for). */
    String listedAuthor(String asked) {
        return editor || translatorOnly() ? asked : user;
    }
}
