package org.iskra.organizing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A section's settings as the administrator typed them. Countries are ISO 3166 alpha-2 codes separated by commas
 * or spaces. {@link #error()} names the first field that cannot be used; {@link #settings()} is for the service.
 */
record SectionForm(String slug, String name, String contactEmail, String responseHours, String countries,
                   String closedRetentionDays, String unconfirmedRetentionDays) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    record Settings(String name, String contactEmail, int responseHours, List<String> countries, RetentionDays retention) {
    }

    SectionForm {
        slug = clean(slug).toLowerCase(Locale.ROOT);
        name = clean(name);
        contactEmail = clean(contactEmail);
        responseHours = clean(responseHours);
        countries = clean(countries).toUpperCase(Locale.ROOT);
        closedRetentionDays = clean(closedRetentionDays);
        unconfirmedRetentionDays = clean(unconfirmedRetentionDays);
    }

    /** A new section's form, with the default periods. */
    SectionForm(String slug, String name, String contactEmail, String responseHours, String countries) {
        this(slug, name, contactEmail, responseHours, countries, String.valueOf(RetentionDays.DEFAULT.closed()),
                String.valueOf(RetentionDays.DEFAULT.unconfirmed()));
    }

    static SectionForm of(Section section, List<String> countries, RetentionDays retention) {
        return new SectionForm(section.slug(), section.name(), section.contactEmail(),
                String.valueOf(section.responseHours()), String.join(", ", countries),
                String.valueOf(retention.closed()), String.valueOf(retention.unconfirmed()));
    }

    Optional<String> error(boolean withSlug) {
        if (withSlug && !slug.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            return Optional.of("organizing.sections.error.slug");
        }
        if (name.isEmpty() || name.length() > 200) {
            return Optional.of("organizing.sections.error.name");
        }
        if (!contactEmail.matches("[^@\\s]{1,64}@[^@\\s]{1,255}") || contactEmail.length() > 320) {
            return Optional.of("organizing.sections.error.email");
        }
        if (!responseHours.matches("[0-9]{1,4}") || Integer.parseInt(responseHours) < 1) {
            return Optional.of("organizing.sections.error.hours");
        }
        if (!days(closedRetentionDays) || !days(unconfirmedRetentionDays)) {
            return Optional.of("privacy.retention.error.days");
        }
        if (countryList().stream().anyMatch(code -> !ISO_COUNTRIES.contains(code))) {
            return Optional.of("organizing.sections.error.country");
        }
        return Optional.empty();
    }

    Settings settings() {
        return new Settings(name, contactEmail, Integer.parseInt(responseHours), countryList(),
                new RetentionDays(Integer.parseInt(closedRetentionDays), Integer.parseInt(unconfirmedRetentionDays)));
    }

    /** A period of retention: at least a day, at most about ten years. */
    private static boolean days(String value) {
        return value.matches("[0-9]{1,4}") && Integer.parseInt(value) >= 1;
    }

    private List<String> countryList() {
        return Arrays.stream(countries.split("[,\\s]+")).filter(code -> !code.isEmpty()).distinct().toList();
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
