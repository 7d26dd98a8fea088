package org.iskra.newsletter;

import org.iskra.privacy.KeyedHash;
import org.iskra.screening.FormTokens;
import org.springframework.stereotype.Component;

/** The subscription form's signed tokens, on the page and in the block under every article. */
@Component
class NewsletterFormTokens extends FormTokens {

    private static final String PURPOSE = "newsletter.form_token";

    NewsletterFormTokens(KeyedHash hash, NewsletterProperties properties) {
        super(hash, PURPOSE, properties.minFillTime(), properties.formLifetime());
    }
}
