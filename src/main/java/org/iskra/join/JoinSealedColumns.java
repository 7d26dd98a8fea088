package org.iskra.join;

import java.util.Map;

import org.iskra.privacy.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells key rotation where the join form's sealed values are. */
@Configuration(proxyBeanMethods = false)
class JoinSealedColumns {

    @Bean
    SealedColumns joinRequestColumns() {
        return new SealedColumns("join_request", Map.of(
                "name", JoinIntake.NAME,
                "email", JoinIntake.EMAIL,
                "phone", JoinIntake.PHONE,
                "city", JoinIntake.CITY,
                "message", JoinIntake.MESSAGE));
    }
}
