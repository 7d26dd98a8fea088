package org.iskra.accounts;

/** One role a staff user holds, with its scope ("" when the role is not scoped). */
public record StaffRole(Role role, String scope) {

    public StaffRole {
        scope = scope == null ? "" : scope;
    }

    public static StaffRole of(Role role) {
        return new StaffRole(role, "");
    }
}
