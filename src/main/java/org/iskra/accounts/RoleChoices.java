package org.iskra.accounts;

import java.util.List;

/** The roles fieldset: unscoped roles, translator languages, organizer sections, each ticked as currently chosen. */
public record RoleChoices(List<RoleOption> general, List<RoleOption> languages, List<RoleOption> sections) {
}
