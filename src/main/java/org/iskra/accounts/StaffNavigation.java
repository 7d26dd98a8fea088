package org.iskra.accounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.iskra.site.StaffShell;
import org.iskra.site.StaffShells;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The staff layout's shell for a request: the areas ({@link StaffArea}) the signed-in person's roles open, the one
 * the request is in marked, and their name. The roles are the login's authorities, the same the security rules
 * check, so the navigation never lists an area that would answer 403. A session half-way through its login, or none,
 * gets the brand alone.
 */
@Component
class StaffNavigation implements StaffShells {

    private final StaffAccounts accounts;

    StaffNavigation(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public StaffShell of(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!SignIn.signedIn(authentication)) {
            return StaffShell.beforeLogin();
        }
        String path = pathOf(request);
        List<StaffShell.Area> areas = StaffArea.openedBy(roles(authentication)).stream()
                .map(area -> new StaffShell.Area(area.href(), area.labelKey(), area.contains(path)))
                .toList();
        String name = accounts.find(authentication.getName()).map(StaffUser::displayName)
                .filter(displayName -> !displayName.isBlank()).orElse(authentication.getName());
        return new StaffShell(name, areas, path.equals("/admin") || path.equals("/admin/"),
                path.equals("/admin/account") || path.startsWith("/admin/account/"), null);
    }

    static Set<Role> roles(Authentication authentication) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(granted.getAuthority())) {
                    held.add(role);
                }
            }
        }
        return held;
    }

    private static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
    }
}
