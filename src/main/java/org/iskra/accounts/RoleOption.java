package org.iskra.accounts;

/** One checkbox of the roles fieldset: {@code id} for its label, {@code name}/{@code value} as sent. */
public record RoleOption(String id, String name, String value, String label, boolean checked) {
}
