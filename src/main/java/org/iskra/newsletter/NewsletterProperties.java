package org.iskra.newsletter;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the newsletter ({@code iskra.newsletter.*}, each also an {@code ISKRA_NEWSLETTER_…} variable in the
 * README).
 *
 * @param digestInterval       how often each language's digest goes out (when something was published)
 * @param digestCheck          how often one node looks whether a digest is due
 * @param rate                 copies per second all nodes together send at most (the mail provider's limit); 0: none
 * @param confirmationLifetime how long an unconfirmed subscription (and its confirmation link) is kept
 * @param retentionCheck       how often one node erases the unconfirmed subscriptions past that
 * @param unsubscribeAddress   the address of the {@code mailto:} in {@code List-Unsubscribe}: someone reads it and
 *                             unsubscribes the sender in the back office
 * @param minFillTime          a subscription sent sooner after its form was served is refused as a bot's
 * @param formLifetime         a form older than this is shown again with a fresh token
 */
@Validated
@ConfigurationProperties("iskra.newsletter")
record NewsletterProperties(
        @NotNull @DefaultValue("7d") Duration digestInterval,
        @NotNull @DefaultValue("1m") Duration digestCheck,
        @DecimalMin("0") @DefaultValue("0") double rate,
        @NotNull @DefaultValue("7d") Duration confirmationLifetime,
        @NotNull @DefaultValue("1h") Duration retentionCheck,
        @NotBlank @DefaultValue("no-reply@localhost") String unsubscribeAddress,
        @NotNull @DefaultValue("3s") Duration minFillTime,
        @NotNull @DefaultValue("24h") Duration formLifetime,
        @Min(1) @DefaultValue("10") int perAddress,
        @NotNull @DefaultValue("10m") Duration addressPeriod,
        @Min(1) @DefaultValue("3") int perEmail,
        @NotNull @DefaultValue("1h") Duration emailPeriod) {
}
