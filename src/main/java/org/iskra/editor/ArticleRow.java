package org.iskra.editor;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.iskra.articles.ArticleOverview;
import org.iskra.articles.EditorialUser;

/**
 * One row of the article list as this user may see it: the original's title (for a translator the title readers
 * see, or their own text's while the original is unpublished), the title in the language the list is about, and
 * one marker per site language in the user's order.
 */
public record ArticleRow(String title, String titleLanguage, String href, String otherTitle, String otherLanguage,
                         String originalStatus, String createdBy, OffsetDateTime changedAt, List<Marker> markers) {

    static ArticleRow of(ArticleOverview.Row row, EditorialUser user, List<String> languages, String about) {
        boolean translator = user.translatorOnly();
        String title = row.title();
        String titleLanguage = row.originalLanguage();
        if (translator && row.publishedTitle() != null) {
            title = row.publishedTitle();
        } else if (translator) {
            ArticleOverview.Text own = firstOf(row, user.translatesInto());
            title = own == null ? "" : own.title();
            titleLanguage = own == null ? row.originalLanguage() : own.language();
        }
        String aboutLanguage = about.isEmpty() && translator ? firstLanguageWithText(row, user.translatesInto()) : about;
        ArticleOverview.Text other = aboutLanguage == null || aboutLanguage.equals(titleLanguage) ? null : row.texts().get(aboutLanguage);
        String href = user.mayOpen(row.originalLanguage(), true, row.createdBy()) ? "/admin/articles/" + row.originalId() : null;
        List<Marker> markers = new ArrayList<>();
        for (String language : languages) {
            markers.add(marker(row, user, language));
        }
        return new ArticleRow(title, titleLanguage, href, other == null ? null : other.title(),
                other == null ? null : other.language(), translator ? null : row.originalStatus().value(), row.createdBy(),
                row.changedAt(), markers);
    }

    private static Marker marker(ArticleOverview.Row row, EditorialUser user, String language) {
        boolean original = language.equals(row.originalLanguage());
        ArticleOverview.Text text = row.texts().get(language);
        Marker.State state = Marker.State.of(text, original);
        String href;
        if (text != null) {
            href = user.mayOpen(language, original, row.createdBy()) ? "/admin/articles/" + text.translationId() : null;
        } else {
            boolean published = row.publishedTitle() != null;
            href = user.mayStartTranslation(language, published, row.createdBy())
                    ? "/admin/articles/new?from=" + row.originalId() + "&language=" + language : null;
        }
        return new Marker(language, state, href);
    }

    private static ArticleOverview.Text firstOf(ArticleOverview.Row row, List<String> languages) {
        return languages.stream().map(row.texts()::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String firstLanguageWithText(ArticleOverview.Row row, List<String> languages) {
        ArticleOverview.Text text = firstOf(row, languages);
        return text == null ? null : text.language();
    }
}
