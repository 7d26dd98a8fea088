package org.iskra.organizing;

import java.util.List;

import org.iskra.privacy.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells key rotation (and the erasure tests) where join requests' sealed values are: the applicant's fields the
 * join form sealed, and organizers' notes. Organizing owns both tables, so it names them for the join form too.
 */
@Configuration(proxyBeanMethods = false)
class OrganizingSealedColumns {

    @Bean
    SealedColumns joinRequestColumns() {
        return new SealedColumns("join_request", "public_id", List.of(ApplicantFields.NAME, ApplicantFields.EMAIL,
                ApplicantFields.PHONE, ApplicantFields.CITY, ApplicantFields.MESSAGE));
    }

    @Bean
    SealedColumns joinEventColumns() {
        return new SealedColumns("join_event", "public_id", List.of(ApplicantFields.NOTE));
    }
}
