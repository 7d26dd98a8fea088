package org.iskra.newsletter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.iskra.mail.BulkOutbox;
import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.privacy.HeldRecord;
import org.iskra.privacy.HeldRecord.Field;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.privacy.PersonalDataHolder;
import org.springframework.stereotype.Component;

/**
 * A reader's subscription, for the export and the erasure of what is held about them: the address, the languages
 * and regions, the dates, and each mailing sent to them. An erased subscription ends as an unsubscribed one does,
 * and keeps only what identifies nobody.
 */
@Component
class SubscriberData implements PersonalDataHolder {

    private final SubscriberStore store;
    private final SendStore sends;
    private final Subscriptions subscriptions;
    private final BulkOutbox bulk;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;

    SubscriberData(SubscriberStore store, SendStore sends, Subscriptions subscriptions, BulkOutbox bulk,
                   PersonalDataCipher cipher, AuditLog audit) {
        this.store = store;
        this.sends = sends;
        this.subscriptions = subscriptions;
        this.bulk = bulk;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Override
    public List<HeldRecord> heldAbout(String email) {
        List<HeldRecord> held = new ArrayList<>();
        store.byEmailHash(subscriptions.emailHash(email)).ifPresent(r -> {
            List<BulkOutbox.Delivery> deliveries = bulk.deliveries(Subscriptions.BULK_KIND, r.id());
            Map<Long, String> subjects = deliveries.stream().map(BulkOutbox.Delivery::batchId).distinct()
                    .collect(Collectors.toMap(Function.identity(),
                            id -> sends.find(id).map(SendStore.Send::subject).orElse("")));
            List<List<Field>> timeline = deliveries.stream()
                    .map(d -> List.of(new Field("event", "newsletter"), new Field("subject", subjects.get(d.batchId())),
                            new Field("status", d.status()), new Field("queued", iso(d.queuedAt())),
                            new Field("sent", iso(d.sentAt()))))
                    .toList();
            held.add(new HeldRecord("newsletter_subscription", r.linkId(), r.language(), List.of(
                    new Field("email", cipher.open(r.email(), Subscriptions.EMAIL, r.linkId())),
                    new Field("languages", String.join(", ", store.languages(r.id()))),
                    new Field("regions", String.join(", ", store.regions(r.id()))),
                    new Field("language", r.language()),
                    new Field("source", r.sourcePath()),
                    new Field("status", r.status()),
                    new Field("received", iso(r.createdAt())),
                    new Field("confirmed", iso(r.confirmedAt())),
                    new Field("refusals", String.valueOf(r.refusals()))), timeline));
        });
        return held;
    }

    @Override
    public int erase(String email, Actor actor) {
        return store.byEmailHash(subscriptions.emailHash(email)).filter(SubscriberStore.Row::active).map(r -> {
            subscriptions.end(r, "erased");
            audit.record(actor, "newsletter.erase", "newsletter_subscriber", String.valueOf(r.id()), null, "by=subject");
            return 1;
        }).orElse(0);
    }

    private static String iso(OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }
}
