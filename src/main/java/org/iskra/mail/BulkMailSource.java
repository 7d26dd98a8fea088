package org.iskra.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feature that sends one mailing to many recipients (the newsletter) and makes each copy when the worker sends
 * it, from its own tables: the outbox then holds no personal data for it, and queuing a mailing writes one small
 * row per recipient (see {@link BulkOutbox}). One bean per kind of mail.
 */
public interface BulkMailSource {

    /** The kind of mail this source makes, as {@link BulkOutbox#enqueue} was given it, e.g. {@code newsletter}. */
    String kind();

    /** The most copies of this kind all nodes together may send per second (the mail provider's limit); 0: no limit. */
    double ratePerSecond();

    /**
     * Makes the copies of these items, one answer per item and in their order: empty when there is no copy to send
     * any more (the recipient left meanwhile), which cancels the item.
     */
    List<Optional<Copy>> compose(List<Item> items);

    /**
     * The mail server refused an item's address for good (an SMTP 5xx reply to it). Called in the transaction that
     * records the refusal.
     */
    void refused(Item item);

    /**
     * The mailings this source has counted in a summary of its own, finished before {@code before}: their copies
     * may be deleted after the outbox's retention ({@code iskra.mail.retention}).
     */
    List<Long> countedBefore(OffsetDateTime before);

    /** One recipient's copy of a mailing, as queued. */
    record Item(long id, long batchId, long recipientRef, String language) {
    }

    /**
     * What a copy says: plain text and HTML of the same message, and headers of its own (such as
     * {@code List-Unsubscribe}). Personal data: it lives in memory while it is sent, never in the database.
     */
    record Copy(String recipient, String subject, String text, String html, Map<String, String> headers) {

        public Copy {
            headers = Map.copyOf(headers);
            if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("the subject must be one line");
            }
        }
    }
}
