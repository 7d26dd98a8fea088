package org.iskra.feeds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the feeds, also environment variables {@code ISKRA_FEEDS_…}, listed in the README.
 *
 * @param fullContent whether feed entries carry the whole article or only its standfirst
 */
@ConfigurationProperties("iskra.feeds")
record FeedsProperties(@DefaultValue("true") boolean fullContent) {
}
