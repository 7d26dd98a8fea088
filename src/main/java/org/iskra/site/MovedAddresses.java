package org.iskra.site;

import java.util.Optional;

/**
 * Where an address that shows nothing now leads, asked before a reader gets a 404: an imported site's old addresses
 * and an article's former slugs keep working. Implemented by the feature that owns the addresses (articles), so the
 * site's error pages need not know it.
 */
public interface MovedAddresses {

    /**
     * @param path  the request's path as sent (percent-encoded)
     * @param query the query string, or null
     * @return the path to send the reader to with a 301
     */
    Optional<String> newLocation(String path, String query);
}
