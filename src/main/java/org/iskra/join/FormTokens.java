package org.iskra.join;

import org.iskra.privacy.KeyedHash;
import org.springframework.stereotype.Component;

/**
 * The join form's tokens ({@link org.iskra.screening.FormTokens}): they also name the submission, so a retried POST
 * with the same token finds the request it already created.
 */
@Component
class FormTokens extends org.iskra.screening.FormTokens {

    private static final String PURPOSE = "join.form_token";

    FormTokens(KeyedHash hash, JoinProperties properties) {
        super(hash, PURPOSE, properties.minFillTime(), properties.formLifetime());
    }
}
