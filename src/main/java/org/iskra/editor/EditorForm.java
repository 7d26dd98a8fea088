package org.iskra.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.iskra.articles.ArticleDesk;
import org.iskra.articles.TranslationInput;
import org.iskra.site.Slugs;
import org.iskra.taxonomy.ArticleTerms;
import org.iskra.taxonomy.Term;

/**
 * What the editor form sends. Lists (regions, countries, tags) are comma-separated; {@code version} is the edit
 * version the form was loaded from, empty for a new article.
 */
public record EditorForm(String version, String language, String slug, String title, String standfirst, String body,
                  String attribution, String regions, String countries, String tags) {

    static final int MAX_TITLE = 500;
    static final int MAX_BODY = 500_000;

    public EditorForm {
        version = trimmed(version);
        language = trimmed(language);
        slug = trimmed(slug).toLowerCase(Locale.ROOT);
        title = trimmed(title);
        standfirst = trimmed(standfirst);
        // Markdown keeps its own whitespace; browsers send CRLF
        body = body == null ? "" : body.replace("\r\n", "\n");
        attribution = trimmed(attribution);
        regions = trimmed(regions);
        countries = trimmed(countries);
        tags = trimmed(tags);
    }

    static EditorForm blank(String language) {
        return new EditorForm("", language, "", "", "", "", "", "", "", "");
    }

    static EditorForm of(ArticleDesk.Draft draft, ArticleTerms terms) {
        return new EditorForm(String.valueOf(draft.version()), draft.language(), draft.slug(), draft.title(),
                draft.standfirst(), draft.body(), draft.attribution(), names(terms.regions()),
                String.join(", ", terms.countries().stream().map(Term::slug).toList()), names(terms.tags()));
    }

    /** The words and terms of a source translation as the start of a new translation into {@code target}. */
    EditorForm forTranslation(String target) {
        return new EditorForm("", target, "", title, standfirst, body, attribution, regions, countries, tags);
    }

    /** The same form with a figure added at the end of the body, as a paragraph of its own. */
    EditorForm withFigure(String shortcode) {
        String before = body.isBlank() ? "" : body.stripTrailing() + "\n\n";
        return new EditorForm(version, language, slug, title, standfirst, before + shortcode + "\n", attribution,
                regions, countries, tags);
    }

    /** The same form with another version: after a conflict, saving again deliberately replaces the newer one. */
    EditorForm withVersion(int newVersion) {
        return new EditorForm(String.valueOf(newVersion), language, slug, title, standfirst, body, attribution,
                regions, countries, tags);
    }

    /** The same form with the words of an old revision. */
    EditorForm withText(String oldTitle, String oldStandfirst, String oldBody) {
        return new EditorForm(version, language, slug, oldTitle, oldStandfirst, oldBody, attribution, regions,
                countries, tags);
    }

    /** The same form in the language of the stored translation: the language of a saved translation is fixed. */
    EditorForm inLanguageOf(ArticleDesk.Draft draft) {
        return new EditorForm(version, draft.language(), slug, title, standfirst, body, attribution, regions, countries,
                tags);
    }

    Integer versionNumber() {
        return version.matches("[0-9]{1,9}") ? Integer.valueOf(version) : null;
    }

    /** The slug the article will have: the one given, or one made from the title. */
    String effectiveSlug() {
        return slug.isEmpty() ? Slugs.of(title) : slug;
    }

    /** Message keys of what is wrong with the form, empty when it may be saved. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (title.isEmpty()) {
            problems.add("editor.error.title-missing");
        } else if (title.length() > MAX_TITLE) {
            problems.add("editor.error.title-too-long");
        }
        if (body.length() > MAX_BODY) {
            problems.add("editor.error.body-too-long");
        }
        if (!title.isEmpty() && !effectiveSlug().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add("editor.error.slug-invalid");
        }
        if (list(countries).stream().anyMatch(c -> !c.matches("[A-Za-z]{2}"))) {
            problems.add("editor.error.countries-invalid");
        }
        return problems;
    }

    TranslationInput toInput(String translationKey, String originalLanguage, Long leadMediaId, String savedBy) {
        return new TranslationInput(translationKey, language, originalLanguage, effectiveSlug(), title,
                standfirst.isEmpty() ? null : standfirst, body, attribution.isEmpty() ? null : attribution, false,
                null, null, null, leadMediaId, list(regions), list(countries), list(tags), savedBy);
    }

    /** The form as a new revision of a stored translation. */
    TranslationInput toInput(ArticleDesk.Draft draft, String savedBy) {
        return toInput(draft.translationKey(), draft.originalLanguage(), draft.leadMediaId(), savedBy);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String names(List<Term> terms) {
        return String.join(", ", terms.stream().map(Term::name).toList());
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
