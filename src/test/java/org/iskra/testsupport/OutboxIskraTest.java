package org.iskra.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application for the tests of the outbox itself: no demo content, short retries, and nothing else queuing mail;
 * the tests start and stop a mail server on {@link MailServer#PORT} themselves to play an outage. A test here may
 * claim every message due in the outbox, so no class that leaves undelivered mail behind belongs here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "iskra.demo=false",
        "iskra.mail.poll-interval=200ms",
        "iskra.mail.retry-delay=2s",
        "iskra.mail.from=Искра <no-reply@iskra.example>",
        "iskra.join.per-address=100000"})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface OutboxIskraTest {
}
