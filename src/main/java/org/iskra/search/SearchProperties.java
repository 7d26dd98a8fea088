package org.iskra.search;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the search page and API ({@code iskra.search.*}, each also an {@code ISKRA_SEARCH_…} variable in the
 * README).
 *
 * @param maxWait      how long a search waits for a free processor before it is refused with 503
 * @param perClient    searches one client (an IPv4 address, an IPv6 /64) may run per {@code clientPeriod}; 429 beyond
 * @param clientPeriod the period of that limit
 */
@Validated
@ConfigurationProperties("iskra.search")
record SearchProperties(
        @NotNull @DefaultValue("1s") Duration maxWait,
        @Min(1) @DefaultValue("60") int perClient,
        @NotNull @DefaultValue("1m") Duration clientPeriod) {
}
