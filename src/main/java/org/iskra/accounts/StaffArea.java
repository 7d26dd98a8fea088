package org.iskra.accounts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The back office's areas and who may open each, decided here once: the security configuration grants the paths
 * of an area to its roles, and the staff layout's navigation lists the areas a signed-in person's roles open, so
 * that the two cannot disagree. Listed in the order the navigation shows them.
 */
enum StaffArea {

    ARTICLES("/admin/articles", "editor.list.title", List.of(),
            Role.ADMINISTRATOR, Role.EDITOR, Role.AUTHOR, Role.TRANSLATOR),
    TRANSLATIONS("/admin/translations", "translations.title", List.of("/admin/translations.json"),
            Role.ADMINISTRATOR, Role.EDITOR, Role.TRANSLATOR),
    NEWSLETTER("/admin/newsletter", "newsletter.admin.title", List.of(), Role.ADMINISTRATOR, Role.EDITOR),
    JOIN_REQUESTS("/admin/join", "organizing.dashboard.title", List.of(), Role.ADMINISTRATOR, Role.ORGANIZER),
    SECTIONS("/admin/sections", "organizing.sections.title", List.of(), Role.ADMINISTRATOR),
    STAFF_USERS("/admin/users", "accounts.users.title", List.of(), Role.ADMINISTRATOR),
    IMPORT("/admin/import", "importing.title", List.of(), Role.ADMINISTRATOR),
    MIRROR("/admin/mirror", "mirror.admin.title", List.of(), Role.ADMINISTRATOR),
    AUDIT("/admin/audit", "privacy.audit.title", List.of(), Role.ADMINISTRATOR),
    // the area's page is the list of subjects; everything under /admin/privacy is the same administrators' work
    PRIVACY("/admin/privacy/subjects", "privacy.subjects.title", List.of("/admin/privacy", "/admin/privacy/**"),
            Role.ADMINISTRATOR);

    /** The administrators' part of an editors' area: answering unsubscribe requests that came by mail. */
    static final String NEWSLETTER_UNSUBSCRIBE = "/admin/newsletter/unsubscribe";

    private final String href;
    private final String labelKey;
    private final List<String> morePaths;
    private final Set<Role> roles;

    StaffArea(String href, String labelKey, List<String> morePaths, Role... roles) {
        this.href = href;
        this.labelKey = labelKey;
        this.morePaths = morePaths;
        this.roles = Set.of(roles);
    }

    String href() {
        return href;
    }

    String labelKey() {
        return labelKey;
    }

    /** The path patterns the security configuration grants to this area's roles. */
    String[] pathPatterns() {
        List<String> patterns = new ArrayList<>(List.of(href, href + "/**"));
        patterns.addAll(morePaths);
        return patterns.toArray(String[]::new);
    }

    /** The roles as Spring Security's {@code hasAnyRole} names them. */
    String[] roleNames() {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    boolean openTo(Set<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }

    /** Whether a path (without the context path) is one this area's patterns grant: its pages are in the area. */
    boolean contains(String path) {
        for (String pattern : pathPatterns()) {
            boolean match = pattern.endsWith("/**") ? path.startsWith(pattern.substring(0, pattern.length() - 2))
                    : path.equals(pattern);
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** The areas someone holding these roles may open, in the navigation's order. */
    static List<StaffArea> openedBy(Set<Role> held) {
        return Arrays.stream(values()).filter(area -> area.openTo(held)).toList();
    }
}
