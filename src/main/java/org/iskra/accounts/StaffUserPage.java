package org.iskra.accounts;

import java.util.Map;

import org.iskra.site.FieldMessages;
import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of one staff account as an administrator manages it: its roles form, enabling, its sessions, its
 * invitation. {@code self} is true when administrators look at their own account. {@code problem} tells whether
 * the notice reports a refusal or a success.
 */
public record StaffUserPage(PageFrame frame, ManagedAccount member, String roleNames,
                            String passwordChanged, int sessions, SecondFactorStatus secondFactor, boolean self,
                            RoleChoices roles,
                            Map<String, String> errors, String notice, boolean problem) implements FieldMessages {

    public Messages t() {
        return frame.t();
    }

    public StaffUser user() {
        return member.user();
    }

    public String base() {
        return "/admin/users/" + member.user().id();
    }
}
