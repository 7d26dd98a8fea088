package org.iskra.accounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The roles a form asks for, as sent: unscoped roles by name ({@code role}), translator languages
 * ({@code translator}) and organizer sections ({@code organizer}). A translator or organizer role exists only with
 * its scope, so the form has no separate box for it.
 */
record RoleSelection(List<String> roles, List<String> translator, List<String> organizer) {

    static final List<Role> UNSCOPED = List.of(Role.ADMINISTRATOR, Role.EDITOR, Role.AUTHOR);

    static RoleSelection from(HttpServletRequest request) {
        return new RoleSelection(values(request, "role"), values(request, "translator"), values(request, "organizer"));
    }

    static RoleSelection of(List<StaffRole> roles) {
        List<String> unscoped = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        for (StaffRole role : roles) {
            if (role.role() == Role.TRANSLATOR) {
                languages.add(role.scope());
            } else if (role.role() == Role.ORGANIZER) {
                sections.add(role.scope());
            } else {
                unscoped.add(role.role().name());
            }
        }
        return new RoleSelection(unscoped, languages, sections);
    }

    static RoleSelection none() {
        return new RoleSelection(List.of(), List.of(), List.of());
    }

    /** The roles asked for, or empty when none is, or when one names a role, language or section that does not exist. */
    Optional<List<StaffRole>> toRoles(Set<String> knownLanguages, Set<String> knownSections) {
        List<StaffRole> result = new ArrayList<>();
        for (String name : roles) {
            Optional<Role> role = UNSCOPED.stream().filter(r -> r.name().equals(name)).findFirst();
            if (role.isEmpty()) {
                return Optional.empty();
            }
            result.add(StaffRole.of(role.get()));
        }
        for (String language : translator) {
            if (!knownLanguages.contains(language)) {
                return Optional.empty();
            }
            result.add(new StaffRole(Role.TRANSLATOR, language));
        }
        for (String section : organizer) {
            if (!knownSections.contains(section)) {
                return Optional.empty();
            }
            result.add(new StaffRole(Role.ORGANIZER, section));
        }
        return result.isEmpty() ? Optional.empty() : Optional.of(result);
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : Arrays.stream(values).map(String::strip).distinct().toList();
    }
}
