package org.iskra.site;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/proxy}: WARNING with the reason when {@link ForwardedHeadersCheck} saw requests that came
 * through a reverse proxy Iskra does not read the forwarded headers of. The overall health stays UP (a load balancer
 * must not take the node out for it); this group shows its details.
 */
@Component("clientAddressesHealthIndicator")
@ConditionalOnWebApplication
class ProxyHealthIndicator implements HealthIndicator {

    private final ForwardedHeadersCheck check;

    ProxyHealthIndicator(ForwardedHeadersCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        String address = check.proxyAddress();
        if (address == null) {
            return Health.up().withDetail("forwardedHeaders", check.strategy()).build();
        }
        return Health.status("WARNING")
                .withDetail("forwardedHeaders", check.strategy())
                .withDetail("warning", "requests with X-Forwarded-For or Forwarded all come from " + address
                        + ": every client counts as one for login throttling and join limits;"
                        + " set ISKRA_FORWARDED_HEADERS=native")
                .withDetail("since", check.since().toString())
                .build();
    }
}
