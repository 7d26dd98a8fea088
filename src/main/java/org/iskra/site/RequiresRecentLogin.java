package org.iskra.site;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a back-office action dangerous enough to ask the staff user again who they are first (a code from their
 * authenticator app or their password, at most five minutes old): exporting a section's requests, erasing a data
 * subject, changing someone's roles or second factor. The accounts feature enforces it; a feature only marks its
 * handler, so the rule sits beside the action it guards.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresRecentLogin {
}
