package org.iskra.accounts;

import java.util.List;

import org.iskra.privacy.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells key rotation where TOTP secrets are sealed. */
@Configuration(proxyBeanMethods = false)
class SecondFactorSealedColumns {

    @Bean
    SealedColumns staffTotpColumns() {
        return new SealedColumns("staff_totp", "public_id", List.of(SecondFactor.SECRET));
    }
}
