package org.iskra.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The running application on a random port, with the demo content, its own data folder, the database under test (an
 * H2 file by default, or the PostgreSQL database named by the system property {@code iskra.test.db.url}), sending its
 * mail to the suite's mail port ({@link MailServer}).
 *
 * <p>The suite has four applications, one per annotation: this one, {@link EmptyIskraTest}, {@link StrictLimitsIskraTest}
 * and {@link OutboxIskraTest}. Spring starts each once and hands it to every class that carries the annotation, so
 * a class adds no property of its own (that would start one more application): a setting a class needs goes into its
 * annotation, where it must suit every class sharing it. Classes sharing an application share its database: each
 * test makes and finds its own rows (unique names, addresses, slugs) and counts only the rows it made.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // mail goes out at test speed; the form defences count per node across all the classes sharing it, so the
        // limits are out of the way (StrictLimitsIskraTest has tight ones), and a browser fills a form at once
        "iskra.mail.poll-interval=200ms",
        "iskra.join.per-address=100000",
        "iskra.join.min-fill-time=0s",
        "iskra.newsletter.per-address=100000",
        "iskra.newsletter.min-fill-time=0s",
        // digests and scheduled publication run when a test asks (it calls the job), never in the middle of another
        "iskra.newsletter.digest-check=1h",
        "iskra.editor.publish-interval=1h",
        // small enough for a test to send an upload over the limit
        "spring.servlet.multipart.max-file-size=2MB",
        "spring.servlet.multipart.max-request-size=3MB",
        // the static mirror's join address and the back office's mirror folder (mirror.MirrorTest)
        "iskra.mirror.join-url=http://joinexample.onion",
        "iskra.mirror.dir=target/test-mirror-back-office"})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface IskraIntegrationTest {
}
