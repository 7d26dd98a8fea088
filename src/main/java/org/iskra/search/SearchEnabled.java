package org.iskra.search;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;

/**
 * Search runs in the web application, and in a command that asks for it ({@code reindex}). Other commands started
 * from the jar ({@code import}) leave the index alone: it belongs to the node whose data folder it is in, which may
 * be running and holding it, and which learns of their changes through the change log (or finds its index stale at
 * its next start).
 */
class SearchEnabled extends AnyNestedCondition {

    static final String PROPERTY = "iskra.search.enabled";

    SearchEnabled() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnWebApplication
    static class InTheWebApplication {
    }

    @ConditionalOnProperty(name = PROPERTY, havingValue = "true")
    static class AskedFor {
    }
}
