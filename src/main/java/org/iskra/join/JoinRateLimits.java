package org.iskra.join;

import org.iskra.screening.RateLimit;
import org.springframework.stereotype.Component;

/** The join form's limits per client address and per email (its keyed hash, never the address itself). */
@Component
class JoinRateLimits {

    private final RateLimit byAddress;
    private final RateLimit byEmail;

    JoinRateLimits(JoinProperties properties) {
        this.byAddress = new RateLimit(properties.perAddress(), properties.addressPeriod());
        this.byEmail = new RateLimit(properties.perEmail(), properties.emailPeriod());
    }

    boolean allowAddress(String address) {
        return byAddress.allow(address);
    }

    boolean allowEmail(String emailHash) {
        return byEmail.allow(emailHash);
    }

    /** Gives back what {@link #allowEmail} took, for a submission that turned out to be a repeat. */
    void refundEmail(String emailHash) {
        byEmail.refund(emailHash);
    }
}
