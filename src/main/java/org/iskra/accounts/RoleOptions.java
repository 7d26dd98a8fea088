package org.iskra.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.iskra.site.Language;
import org.iskra.site.Languages;
import org.iskra.site.Messages;
import org.springframework.stereotype.Component;

/** What roles can be given: the unscoped roles, a translator for each configured language, an organizer per section. */
@Component
class RoleOptions {

    private final Languages languages;
    private final OrganizerScopes sections;

    RoleOptions(Languages languages, OrganizerScopes sections) {
        this.languages = languages;
        this.sections = sections;
    }

    /** The roles asked for, or empty when none is or one of them is unknown. */
    Optional<List<StaffRole>> parse(RoleSelection selection) {
        Set<String> codes = languages.all().stream().map(Language::code).collect(Collectors.toSet());
        Set<String> slugs = sections.all().stream().map(OrganizerScopes.Scope::slug).collect(Collectors.toSet());
        return selection.toRoles(codes, slugs);
    }

    RoleChoices choices(RoleSelection selection, Messages t) {
        List<RoleOption> general = RoleSelection.UNSCOPED.stream()
                .map(role -> new RoleOption("role-" + role.name().toLowerCase(Locale.ROOT), "role", role.name(),
                        t.get("accounts.role." + role.name().toLowerCase(Locale.ROOT)), selection.roles().contains(role.name())))
                .toList();
        List<RoleOption> translator = languages.all().stream()
                .map(language -> new RoleOption("translator-" + language.code(), "translator", language.code(),
                        t.languageName(language.code()) + " (" + language.nativeName() + ")",
                        selection.translator().contains(language.code())))
                .toList();
        List<OrganizerScopes.Scope> all = sections.all();
        List<RoleOption> organizer = java.util.stream.IntStream.range(0, all.size())
                .mapToObj(i -> new RoleOption("organizer-" + i, "organizer", all.get(i).slug(), all.get(i).name(),
                        selection.organizer().contains(all.get(i).slug())))
                .toList();
        return new RoleChoices(general, translator, organizer);
    }

    /** A role as people read it: "translator (Russian)", "organizer (armenia)". */
    static String describe(StaffRole role, Messages t) {
        String name = t.get("accounts.role." + role.role().name().toLowerCase(Locale.ROOT));
        if (role.scope().isEmpty()) {
            return name;
        }
        String scope = role.role() == Role.TRANSLATOR ? t.languageName(role.scope()) : role.scope();
        return name + " (" + scope + ")";
    }

    static String describe(List<StaffRole> roles, Messages t) {
        return roles.stream().map(role -> describe(role, t)).collect(Collectors.joining(", "));
    }
}
