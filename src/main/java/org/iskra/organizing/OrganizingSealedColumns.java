package org.iskra.organizing;

import java.util.List;

import org.iskra.privacy.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells key rotation (and the erasure tests) that organizers' notes are sealed too. */
@Configuration(proxyBeanMethods = false)
class OrganizingSealedColumns {

    @Bean
    SealedColumns joinEventColumns() {
        return new SealedColumns("join_event", "public_id", List.of(ApplicantFields.NOTE));
    }
}
