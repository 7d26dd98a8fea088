package org.iskra.newsletter;

import java.util.List;

import org.iskra.privacy.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells key rotation where the newsletter's sealed values are: the subscribers' addresses. */
@Configuration(proxyBeanMethods = false)
class NewsletterSealedColumns {

    @Bean
    SealedColumns newsletterSubscriberColumns() {
        return new SealedColumns("newsletter_subscriber", "link_id", List.of(Subscriptions.EMAIL));
    }
}
