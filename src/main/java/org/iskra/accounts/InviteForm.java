package org.iskra.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the invitation form sends, each field on one line with surrounding space stripped. */
record InviteForm(
        @NotBlank @Size(max = 320) @Email(regexp = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*") String email,
        @NotBlank @Size(max = 200) String displayName,
        RoleSelection roles) {

    static InviteForm of(String email, String displayName, RoleSelection roles) {
        return new InviteForm(line(email), line(displayName), roles);
    }

    private static String line(String value) {
        return value == null ? "" : value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").strip();
    }
}
