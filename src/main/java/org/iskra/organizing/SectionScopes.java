package org.iskra.organizing;

import java.util.List;

import org.iskra.accounts.OrganizerScopes;
import org.springframework.stereotype.Component;

/** The sections as the staff accounts' role form offers them: accounts cannot depend on organizing, so it asks. */
@Component
class SectionScopes implements OrganizerScopes {

    private final SectionStore store;

    SectionScopes(SectionStore store) {
        this.store = store;
    }

    @Override
    public List<Scope> all() {
        return store.scopes();
    }
}
