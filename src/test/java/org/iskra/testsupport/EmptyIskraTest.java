package org.iskra.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The running application as a new installation has it: no demo content, only the fallback section, for the tests
 * of sections, join requests, staff and the newsletter, which must know every section covering a country and every
 * article waiting for a language's digest. One application for all such classes (see {@link IskraIntegrationTest}):
 * its background jobs run at test speed for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "iskra.demo=false",
        "iskra.mail.poll-interval=200ms",
        "iskra.join.per-address=100000",
        "iskra.newsletter.per-address=100000",
        // reminders and escalations of overdue join requests within a test's patience
        "iskra.organizing.deadline-check=300ms",
        // digests and the erasure of unconfirmed subscribers run when a test calls the job
        "iskra.newsletter.digest-check=1h",
        "iskra.newsletter.retention-check=1h",
        "iskra.newsletter.unsubscribe-address=Unsubscribe <leave@iskra.example>"})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface EmptyIskraTest {
}
