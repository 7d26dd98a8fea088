package org.iskra.articles;

import java.util.ArrayList;
import java.util.List;

import org.iskra.accounts.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A staff user as editorial work sees them, and who may do what with texts, decided in this one typed place:
 * controllers ask, never decide. Editors and administrators work on everything and every language; an author on
 * the articles they created, moving them between draft and review only; a translator on the translations into
 * their languages, and reads only what is theirs to translate: a published original (as readers see it, never
 * its unpublished changes) or a translation they may edit. Any other text answers a translator as if its id did
 * not exist.
 *
 * @param translatesInto the languages this user is a translator into (their queue)
 */
public record EditorialUser(String name, boolean editor, boolean author, List<String> translatesInto) {

    /** How much of a text this user may read to translate from it. */
    public enum Reading {
        /** the newest revision, unpublished changes included */
        NEWEST,
        /** the published revision only */
        PUBLISHED,
        /** nothing: to a translator the text does not exist */
        NONE
    }

    public EditorialUser {
        translatesInto = List.copyOf(translatesInto);
    }

    /** The user as the login made them: their roles are authorities ({@link Role#authority()}), read here only. */
    public static EditorialUser of(Authentication authentication) {
        List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        // a translator's authority names its language after the role: TRANSLATOR:ru
        String translator = Role.TRANSLATOR.authority("");
        return new EditorialUser(authentication.getName(),
                authorities.contains(Role.ADMINISTRATOR.authority()) || authorities.contains(Role.EDITOR.authority()),
                authorities.contains(Role.AUTHOR.authority()),
                authorities.stream().filter(a -> a.startsWith(translator)).map(a -> a.substring(translator.length())).toList());
    }

    /** A translator and nothing else: sees the texts in their languages and never writes an original. */
    public boolean translatorOnly() {
        return !editor && !author && !translatesInto.isEmpty();
    }

    /** Works on translations into this language: editors into every language, translators into theirs. */
    public boolean translatesInto(String language) {
        return editor || translatesInto.contains(language);
    }

    /** Opens, saves and moves along the workflow: editors all, authors their own, translators their languages. */
    public boolean mayEdit(ArticleDesk.Draft draft) {
        return mayOpen(draft.language(), draft.isOriginal(), draft.createdBy());
    }

    /** {@link #mayEdit} for a text known only by its language, whether it is the original, and who created its article. */
    public boolean mayOpen(String language, boolean original, String createdBy) {
        return editor || name.equals(createdBy) || (!original && translatesInto.contains(language));
    }

    /**
     * Whether this user may start the article's translation into a language: editors any, authors of their own
     * articles, translators into their languages from a published original (the only originals they may read).
     */
    public boolean mayStartTranslation(String language, boolean originalPublished, String createdBy) {
        return editor || (author && name.equals(createdBy)) || (originalPublished && translatesInto.contains(language));
    }

    /** Authors, editors and administrators write new articles; a translator only translates, into their languages. */
    public boolean mayStart(ArticleDesk.Draft source, String language) {
        return editor || author || (source != null && translatesInto.contains(language));
    }

    /**
     * What this user may read of a text to translate from it (the source of a new translation, the original shown
     * beside one). Whoever may edit the text reads all of it; a translator reads a published original as
     * published, and nothing else.
     */
    public Reading reading(ArticleDesk.Draft text) {
        if (mayEdit(text)) {
            return Reading.NEWEST;
        }
        if (!translatorOnly()) {
            // authors are refused texts they may not open (403)
            return Reading.NONE;
        }
        return text.isOriginal() && text.publishedRevision() != null && text.is(EditorialStatus.PUBLISHED)
                ? Reading.PUBLISHED : Reading.NONE;
    }

    /**
     * Where this user may move a translation they may edit from its current status: editors wherever the workflow
     * leads, authors and translators only to draft and review. Publishing again is offered only when there is
     * something new to show.
     */
    public List<EditorialStatus> transitions(ArticleDesk.Draft draft) {
        EditorialStatus from = EditorialStatus.of(draft.status());
        List<EditorialStatus> allowed = new ArrayList<>();
        for (EditorialStatus to : EditorialStatus.values()) {
            boolean authorMay = to == EditorialStatus.REVIEW || to == EditorialStatus.DRAFT;
            boolean again = to == from && to == EditorialStatus.PUBLISHED && !draft.hasUnpublishedChanges();
            if (from.mayBecome(to) && (editor || authorMay) && !again) {
                allowed.add(to);
            }
        }
        return allowed;
    }

    public boolean mayMove(ArticleDesk.Draft draft, EditorialStatus to) {
        return transitions(draft).contains(to);
    }

    /**
     * The languages in the order this user reads them in lists and matrices: a translator's own first (in the order
     * of their roles), then the others as given.
     */
    public List<String> ownLanguagesFirst(List<String> languages) {
        List<String> ordered = new ArrayList<>(translatesInto.stream().filter(languages::contains).toList());
        languages.stream().filter(l -> !ordered.contains(l)).forEach(ordered::add);
        return ordered;
    }

    /** Whose articles the list shows: an author sees what they wrote, the others anyone's (or the one asked for). */
    public String listedAuthor(String asked) {
        return editor || translatorOnly() ? asked : name;
    }

    /** Editors see every author's articles and may filter by author. */
    public boolean seesEveryone() {
        return editor;
    }
}
