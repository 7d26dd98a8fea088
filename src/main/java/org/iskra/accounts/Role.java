package org.iskra.accounts;

/** What a staff user may do. Translators are scoped to languages, organizers to sections. */
public enum Role {
    ADMINISTRATOR, EDITOR, AUTHOR, TRANSLATOR, ORGANIZER;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The authority for a scoped role, e.g. {@code TRANSLATOR:ru}. */
    public String authority(String scope) {
        return name() + ":" + scope;
    }
}
