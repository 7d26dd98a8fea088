package org.iskra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.iskra.accounts.Role;
import org.iskra.accounts.StaffAccounts;
import org.iskra.accounts.StaffRole;
import org.iskra.testsupport.IskraIntegrationTest;
import org.iskra.testsupport.StaffBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log: written only inside the audited transaction, never changed, read by administrators page by page. */
@IskraIntegrationTest
class AuditLogTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccounts staff;

    @Test
    void anEventOutsideATransactionIsRefusedSoItCannotOutliveWhatItDescribes() {
        assertThatThrownBy(() -> audit.record(Actor.ISKRA, "test.outside", null, null, null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anEventRolledBackWithItsTransactionLeavesNoRow() {
        String subject = UUID.randomUUID().toString();
        try {
            transaction.executeWithoutResult(status -> {
                audit.record(Actor.ISKRA, "test.rollback", "test", subject, null, null);
                throw new IllegalStateException("the audited change failed");
            });
        } catch (IllegalStateException expected) {
            // the change and its audit row are gone together
        }
        assertThat(jdbc.sql("select count(*) from audit_event where subject_id = ?").param(subject)
                .query(Long.class).single()).isZero();
    }

    @Test
    void administratorsPageThroughTheLogNewestFirst() throws Exception {
        String subject = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 55; i++) {
                audit.record(new Actor(null, "192.0.2.1"), "test.page", "test", subject, null, "n=" + i);
            }
        });
        String email = "auditor-" + UUID.randomUUID() + "@example.org";
        staff.create(email, "Auditor", "audit passphrase for tests", List.of(StaffRole.of(Role.ADMINISTRATOR)));
        StaffBrowser browser = new StaffBrowser(port);
        browser.logIn(email, "audit passphrase for tests");

        Document first = Jsoup.parse(browser.get("/admin/audit?subject=" + subject).body());
        assertThat(first.select("tbody tr")).hasSize(50);
        assertThat(first.select("tbody tr").first().text()).contains("n=54", "192.0.2.1");
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).contains("page=2");
        Document second = Jsoup.parse(browser.get(next).body());
        assertThat(second.select("tbody tr")).hasSize(5);
        assertThat(second.select("tbody tr").last().text()).contains("n=0");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(browser.get("/admin/audit?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void nothingInIskraUpdatesOrDeletesAuditEvents() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources/db")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                assertThat(text).as(file.toString())
                        .doesNotContain("update audit_event")
                        .doesNotContain("delete from audit_event")
                        .doesNotContain("truncate table audit_event");
            }
        }
    }
}
