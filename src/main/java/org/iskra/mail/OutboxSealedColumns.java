package org.iskra.mail;

import java.util.List;

import org.iskra.privacy.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells key rotation where queued mail is sealed. */
@Configuration(proxyBeanMethods = false)
class OutboxSealedColumns {

    @Bean
    SealedColumns outboxMessageColumns() {
        return new SealedColumns("outbox_message", "public_id", List.of(Outbox.RECIPIENT, Outbox.SUBJECT, Outbox.BODY));
    }
}
