package org.iskra.newsletter;

import java.util.Collection;
import java.util.List;

import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.taxonomy.Taxonomy;
import org.springframework.stereotype.Component;

/** The boxes the subscription forms offer: every language the site publishes in, every region it writes about. */
@Component
class SignupOptions {

    private final Languages languages;
    private final Taxonomy taxonomy;

    SignupOptions(Languages languages, Taxonomy taxonomy) {
        this.languages = languages;
        this.taxonomy = taxonomy;
    }

    /** Each language under its own name, in its own script, so every reader finds theirs. */
    List<Option> languages(Collection<String> checked) {
        return languages.all().stream()
                .map(l -> new Option(l.code(), l.nativeName(), l.code(), checked.contains(l.code())))
                .toList();
    }

    List<Option> regions(Language reader, Collection<String> checked) {
        return taxonomy.regions(reader.code()).stream()
                .map(r -> new Option(r.slug(), r.name(), null, checked.contains(r.slug())))
                .toList();
    }
}
