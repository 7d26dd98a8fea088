package org.iskra.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The demo application with the settings a few classes need and the others must not have: tight rate limits (three
 * join forms per client address, five searches per client an hour), client addresses taken from the proxy's
 * forwarded headers (so a test sends from addresses of its own), feeds with summaries only. One application for all
 * of them (see {@link IskraIntegrationTest}): the class that submits join forms from this JVM's own address is the
 * only one here to do so. The staff administration's tests are here too: they make organizers of the fallback section,
 * whose notices then no longer go to the section's contact address, as the other applications' tests expect.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "iskra.mail.poll-interval=200ms",
        "iskra.join.per-address=3",
        "iskra.newsletter.per-address=100000",
        "iskra.newsletter.digest-check=1h",
        "server.forward-headers-strategy=native",
        "iskra.search.per-client=5",
        "iskra.search.client-period=1h",
        "iskra.feeds.full-content=false"})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface StrictLimitsIskraTest {
}
