package org.iskra.editor;

import java.util.Optional;

import org.iskra.articles.ArticleDesk;
import org.iskra.articles.EditorialUser;
import org.iskra.articles.RevisionText;
import org.iskra.site.NotFoundException;
import org.iskra.taxonomy.Taxonomy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The texts a back-office request names, loaded as far as the {@link EditorialUser} may have them: a 404 for what
 * does not exist (or, to a translator, is not theirs), a 403 for what exists but is someone else's.
 */
@Component
class EditorDrafts {

    private final ArticleDesk desk;
    private final Taxonomy taxonomy;

    EditorDrafts(ArticleDesk desk, Taxonomy taxonomy) {
        this.desk = desk;
        this.taxonomy = taxonomy;
    }

    /** The form as a stored translation fills it: its newest words and its terms. */
    EditorForm formOf(ArticleDesk.Draft draft) {
        return EditorForm.of(draft, taxonomy.termsOf(draft.articleId(), draft.language()));
    }

    /** The article's translation into this language, if it has one already. */
    Optional<Long> translationOf(ArticleDesk.Draft source, String language) {
        return desk.translationOf(source.articleId(), language);
    }

    /** A translation this user may open, save and move along the workflow. */
    ArticleDesk.Draft editable(long id, EditorialUser user) {
        ArticleDesk.Draft draft = desk.draft(id).orElseThrow(NotFoundException::new);
        if (!user.mayEdit(draft)) {
            throw new AccessDeniedException("neither the author of translation " + id + " nor a translator into its language");
        }
        return draft;
    }

    /** The translation a new translation starts from, as much of it as this user may read; null without one. */
    ArticleDesk.Draft source(String from, EditorialUser user) {
        if (from == null || from.isBlank()) {
            return null;
        }
        if (!from.matches("[1-9][0-9]{0,17}")) {
            throw new NotFoundException();
        }
        long id = Long.parseLong(from);
        ArticleDesk.Draft text = desk.draft(id).orElseThrow(NotFoundException::new);
        return switch (user.reading(text)) {
            case NEWEST -> text;
            case PUBLISHED -> desk.published(id).orElseThrow(NotFoundException::new);
            case NONE -> throw user.translatorOnly() ? new NotFoundException()
                    : new AccessDeniedException("translation " + id + " is not theirs to open");
        };
    }

    /** Refuses a new article or translation into a language this user may not start one in. */
    static void mayStart(EditorialUser user, ArticleDesk.Draft source, String language) {
        if (!user.mayStart(source, language)) {
            throw new AccessDeniedException("a translator starts translations into their own languages only");
        }
    }

    RevisionText revision(long id, String number) {
        if (number == null || !number.matches("[1-9][0-9]{0,8}")) {
            throw new NotFoundException();
        }
        return desk.revision(id, Integer.parseInt(number)).orElseThrow(NotFoundException::new);
    }
}
