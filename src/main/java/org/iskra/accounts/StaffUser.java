package org.iskra.accounts;

import java.util.List;

/** A staff account as the rest of Iskra sees it: never its password hash. */
public record StaffUser(long id, String email, String displayName, boolean enabled, List<StaffRole> roles) {

    public boolean has(Role role) {
        return roles.stream().anyMatch(r -> r.role() == role);
    }

    public List<String> scopes(Role role) {
        return roles.stream().filter(r -> r.role() == role && !r.scope().isEmpty()).map(StaffRole::scope).toList();
    }
}
