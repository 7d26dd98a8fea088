package org.iskra.newsletter;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.iskra.IskraApplication;
import org.iskra.articles.ArticleMother;
import org.iskra.articles.ArticleWriter;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.site.CommandLine;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills an empty database for {@code bench/newsletter.sh}: {@code SubscriberCorpus COUNT LANGUAGES [--iskra.setting=…]}
 * stores COUNT confirmed subscribers spread over the comma-separated languages, each address sealed and hashed as the
 * subscription form stores it (with batched inserts: the benchmark measures queuing and sending a digest, not
 * subscribing), publishes one article per language through the editorial workflow, and makes every language's
 * digest due, so the first check of a node started on the database queues them all.
 */
public final class SubscriberCorpus {

    private static final int BATCH = 1_000;

    private SubscriberCorpus() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        List<String> languages = List.of(args[1].split(","));
        List<String> settings = new ArrayList<>(List.of(args).subList(2, args.length));
        try (ConfigurableApplicationContext context = CommandLine.start(IskraApplication.class, settings,
                List.of("--iskra.demo=false"), List.of())) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
            KeyedHash hash = context.getBean(KeyedHash.class);
            SubscriberLinks links = context.getBean(SubscriberLinks.class);
            Publishing publishing = new Publishing(context.getBean(ArticleWriter.class));
            for (String language : languages) {
                publishing.publish(ArticleMother.article().writtenIn(language).inLanguage(language)
                        .title("Benchmark article in " + language).standfirst("What the digest in " + language + " carries."));
            }
            Timestamp now = Timestamp.from(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toInstant());
            long started = System.nanoTime();
            for (int first = 0; first < count; first += BATCH) {
                List<Object[]> subscribers = new ArrayList<>();
                List<Object[]> chosen = new ArrayList<>();
                for (int n = first; n < Math.min(count, first + BATCH); n++) {
                    String email = "reader-" + n + "@bench.example.org";
                    long id = n + 1L;
                    String linkId = links.newLinkId();
                    subscribers.add(new Object[] {id, cipher.seal(email, Subscriptions.EMAIL, linkId),
                            hash.of(Subscriptions.EMAIL_HASH, email), linkId, languages.get(n % languages.size()), now, now});
                    chosen.add(new Object[] {id, languages.get(n % languages.size())});
                }
                jdbc.batchUpdate("""
                        insert into newsletter_subscriber (id, email, email_hash, link_id, language, status, created_at, confirmed_at)
                        values (?, ?, ?, ?, ?, 'confirmed', ?, ?)""", subscribers);
                jdbc.batchUpdate("insert into newsletter_subscriber_language (subscriber_id, language) values (?, ?)", chosen);
            }
            String product = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            if ("H2".equals(product)) {
                jdbc.execute("alter table newsletter_subscriber alter column id restart with " + (count + 1));
            } else {
                jdbc.execute("select setval(pg_get_serial_sequence('newsletter_subscriber', 'id'), " + count + ")");
            }
            for (String language : languages) {
                jdbc.update("delete from newsletter_digest_schedule where language = ?", language);
                jdbc.update("insert into newsletter_digest_schedule (language, due_at) values (?, ?)", language, now);
            }
            System.out.printf("%d subscribers in %s stored in %.1f s; %d articles waiting for their digest%n", count,
                    languages, (System.nanoTime() - started) / 1e9, languages.size());
        }
    }
}
