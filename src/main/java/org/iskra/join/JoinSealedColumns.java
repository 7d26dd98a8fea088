package org.iskra.join;

import java.util.List;

import org.iskra.organizing.ApplicantFields;
import org.iskra.privacy.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells key rotation where the join form's sealed values are. */
@Configuration(proxyBeanMethods = false)
class JoinSealedColumns {

    @Bean
    SealedColumns joinRequestColumns() {
        return new SealedColumns("join_request", "public_id", List.of(ApplicantFields.NAME, ApplicantFields.EMAIL,
                ApplicantFields.PHONE, ApplicantFields.CITY, ApplicantFields.MESSAGE));
    }
}
