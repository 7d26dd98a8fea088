package org.iskra.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iskra.accounts.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Who may do what with texts in the back office, decided by the editorial user alone. */
class EditorialUserTest {

    private static final EditorialUser EDITOR = new EditorialUser("editor@example.org", true, false, List.of());
    private static final EditorialUser AUTHOR = new EditorialUser("author@example.org", false, true, List.of());
    private static final EditorialUser TRANSLATOR = new EditorialUser("translator@example.org", false, false, List.of("ru", "uk"));

    @Test
    void rolesAreReadFromTheLoginsAuthorities() {
        var login = new UsernamePasswordAuthenticationToken("someone@example.org", null, List.of(
                new SimpleGrantedAuthority(Role.AUTHOR.authority()),
                new SimpleGrantedAuthority(Role.TRANSLATOR.authority("ru")),
                new SimpleGrantedAuthority(Role.TRANSLATOR.authority("uk"))));
        assertThat(EditorialUser.of(login))
                .isEqualTo(new EditorialUser("someone@example.org", false, true, List.of("ru", "uk")));
        var administrator = new UsernamePasswordAuthenticationToken("admin@example.org", null,
                List.of(new SimpleGrantedAuthority(Role.ADMINISTRATOR.authority())));
        assertThat(EditorialUser.of(administrator).editor()).as("an administrator works as an editor").isTrue();
    }

    @Test
    void editorsMayMoveATextWhereverTheWorkflowLeadsAuthorsAndTranslatorsOnlyToDraftAndReview() {
        ArticleDesk.Draft draft = text("en", "en", "author@example.org", EditorialStatus.DRAFT, 1, null);
        assertThat(EDITOR.transitions(draft)).containsExactly(EditorialStatus.REVIEW, EditorialStatus.SCHEDULED,
                EditorialStatus.PUBLISHED);
        assertThat(AUTHOR.transitions(draft)).containsExactly(EditorialStatus.REVIEW);
        ArticleDesk.Draft inReview = text("ru", "en", "author@example.org", EditorialStatus.REVIEW, 2, null);
        assertThat(TRANSLATOR.transitions(inReview)).containsExactly(EditorialStatus.DRAFT);
        assertThat(TRANSLATOR.mayMove(inReview, EditorialStatus.PUBLISHED)).isFalse();
        assertThat(EDITOR.mayMove(inReview, EditorialStatus.PUBLISHED)).isTrue();
    }

    @Test
    void aPublishedTextIsOfferedForPublishingAgainOnlyWithUnpublishedChanges() {
        ArticleDesk.Draft current = text("en", "en", "author@example.org", EditorialStatus.PUBLISHED, 3, 3);
        assertThat(EDITOR.transitions(current)).containsExactly(EditorialStatus.UNPUBLISHED);
        ArticleDesk.Draft changed = text("en", "en", "author@example.org", EditorialStatus.PUBLISHED, 4, 3);
        assertThat(EDITOR.transitions(changed)).containsExactly(EditorialStatus.PUBLISHED, EditorialStatus.UNPUBLISHED);
    }

    @Test
    void aTranslatorWorksOnTranslationsIntoTheirLanguagesAndReadsOriginalsOnlyAsPublished() {
        ArticleDesk.Draft russian = text("ru", "en", "author@example.org", EditorialStatus.DRAFT, 1, null);
        ArticleDesk.Draft german = text("de", "en", "author@example.org", EditorialStatus.DRAFT, 1, null);
        ArticleDesk.Draft publishedOriginal = text("en", "en", "author@example.org", EditorialStatus.PUBLISHED, 2, 1);
        ArticleDesk.Draft draftOriginal = text("en", "en", "author@example.org", EditorialStatus.DRAFT, 1, null);
        assertThat(TRANSLATOR.mayEdit(russian)).isTrue();
        assertThat(TRANSLATOR.mayEdit(german)).isFalse();
        assertThat(TRANSLATOR.mayEdit(publishedOriginal)).as("never an original").isFalse();
        assertThat(TRANSLATOR.reading(russian)).isEqualTo(EditorialUser.Reading.NEWEST);
        assertThat(TRANSLATOR.reading(publishedOriginal)).isEqualTo(EditorialUser.Reading.PUBLISHED);
        assertThat(TRANSLATOR.reading(draftOriginal)).isEqualTo(EditorialUser.Reading.NONE);
        assertThat(TRANSLATOR.reading(german)).isEqualTo(EditorialUser.Reading.NONE);
        assertThat(TRANSLATOR.mayStart(publishedOriginal, "uk")).isTrue();
        assertThat(TRANSLATOR.mayStart(null, "uk")).as("never a new original").isFalse();
        assertThat(TRANSLATOR.mayStart(publishedOriginal, "de")).isFalse();
        assertThat(TRANSLATOR.translatesInto("uk")).isTrue();
        assertThat(TRANSLATOR.translatesInto("de")).isFalse();
        assertThat(EDITOR.translatesInto("de")).isTrue();
    }

    @Test
    void anAuthorWorksOnWhatTheyWroteAndIsRefusedTheRest() {
        ArticleDesk.Draft theirs = text("en", "en", "author@example.org", EditorialStatus.DRAFT, 1, null);
        ArticleDesk.Draft someoneElses = text("en", "en", "other@example.org", EditorialStatus.PUBLISHED, 1, 1);
        assertThat(AUTHOR.mayEdit(theirs)).isTrue();
        assertThat(AUTHOR.mayEdit(someoneElses)).isFalse();
        assertThat(AUTHOR.reading(someoneElses)).isEqualTo(EditorialUser.Reading.NONE);
        assertThat(AUTHOR.listedAuthor("")).isEqualTo("author@example.org");
        assertThat(EDITOR.listedAuthor("")).isEmpty();
        assertThat(AUTHOR.mayStartTranslation("de", false, "author@example.org")).as("their own, even unpublished").isTrue();
        assertThat(AUTHOR.mayStartTranslation("de", true, "other@example.org")).isFalse();
    }

    @Test
    void aTranslatorStartsTranslationsIntoTheirLanguagesOfPublishedOriginalsAndListsTheirLanguagesFirst() {
        assertThat(TRANSLATOR.mayStartTranslation("uk", true, "someone@example.org")).isTrue();
        assertThat(TRANSLATOR.mayStartTranslation("uk", false, "someone@example.org")).as("an unpublished original").isFalse();
        assertThat(TRANSLATOR.mayStartTranslation("de", true, "someone@example.org")).as("not their language").isFalse();
        assertThat(TRANSLATOR.mayOpen("uk", false, "someone@example.org")).isTrue();
        assertThat(TRANSLATOR.mayOpen("uk", true, "someone@example.org")).as("never an original").isFalse();
        assertThat(TRANSLATOR.ownLanguagesFirst(List.of("en", "de", "uk", "ru", "fr"))).containsExactly("ru", "uk", "en", "de", "fr");
        assertThat(EDITOR.ownLanguagesFirst(List.of("en", "de", "uk"))).containsExactly("en", "de", "uk");
        assertThat(EDITOR.mayStartTranslation("de", false, "someone@example.org")).isTrue();
    }

    private static ArticleDesk.Draft text(String language, String originalLanguage, String createdBy, EditorialStatus status,
                              int revision, Integer publishedRevision) {
        return new ArticleDesk.Draft(1, 1, "key", language, originalLanguage, "slug", status.value(), 1, "Title", "", "Body", null,
                createdBy, revision, publishedRevision, null, null, null, createdBy);
    }
}
