package org.iskra.join;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the join form ({@code iskra.join.*}, each also an {@code ISKRA_JOIN_…} variable in the README).
 *
 * @param minFillTime          a form sent sooner after it was served is refused: people do not type that fast
 * @param formLifetime         a form older than this is refused (a fresh one is shown, with what was typed)
 * @param confirmationLifetime how long the link in the confirmation email works
 * @param perAddress           submissions one client address may make per {@code addressPeriod}
 * @param perEmail             submissions for one email address per {@code emailPeriod}
 */
@Validated
@ConfigurationProperties("iskra.join")
record JoinProperties(
        @NotNull @DefaultValue("3s") Duration minFillTime,
        @NotNull @DefaultValue("24h") Duration formLifetime,
        @NotNull @DefaultValue("30d") Duration confirmationLifetime,
        @Min(1) @DefaultValue("10") int perAddress,
        @NotNull @DefaultValue("10m") Duration addressPeriod,
        @Min(1) @DefaultValue("3") int perEmail,
        @NotNull @DefaultValue("1h") Duration emailPeriod) {
}
