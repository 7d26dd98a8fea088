package org.iskra.mail;

import java.util.Map;

import org.iskra.privacy.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells key rotation where queued mail is sealed. */
@Configuration(proxyBeanMethods = false)
class OutboxSealedColumns {

    @Bean
    SealedColumns outboxMessageColumns() {
        return new SealedColumns("outbox_message", Map.of(
                "recipient", Outbox.RECIPIENT,
                "subject", Outbox.SUBJECT,
                "body_text", Outbox.BODY));
    }
}
