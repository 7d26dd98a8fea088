package org.iskra.mail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.privacy.PersonalDataHolder;
import org.iskra.privacy.SealedField;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every feature hands over mail: nothing is sent while a request waits. The message is stored, sealed, in
 * the caller's transaction and sent later by {@link OutboxSender}, with retries, so a mail server outage delays
 * mail and never loses it.
 */
@Service
public class Outbox {

    static final SealedField RECIPIENT = new SealedField("outbox_message", "recipient", "outbox.recipient");
    static final SealedField SUBJECT = new SealedField("outbox_message", "subject", "outbox.subject");
    static final SealedField BODY = new SealedField("outbox_message", "body_text", "outbox.body");
    /** The keyed hash of the recipient, for finding a person's mail; its purpose never changes. */
    private static final String RECIPIENT_HASH = "outbox.recipient";

    private final OutboxStore store;
    private final PersonalDataCipher cipher;
    private final KeyedHash hash;

    Outbox(OutboxStore store, PersonalDataCipher cipher, KeyedHash hash) {
        this.store = store;
        this.cipher = cipher;
        this.hash = hash;
    }

    /**
     * Queues the mail and returns its id. MANDATORY: the mail belongs to the change the caller is committing (a
     * join request and its confirmation mail), so it must be committed or rolled back with it. A caller without a
     * transaction is a bug that REQUIRED would hide by committing the mail on its own, e.g. a confirmation for a
     * request that then failed to save; here it fails at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(OutgoingMail mail) {
        OutboxStore.NewMessage message = sealed(mail);
        return store.insert(message, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** The message with its values sealed, bound to the public id it gets here, before it is stored. */
    private OutboxStore.NewMessage sealed(OutgoingMail mail) {
        String publicId = UUID.randomUUID().toString();
        return new OutboxStore.NewMessage(publicId, mail.kind(), cipher.seal(mail.recipient(), RECIPIENT, publicId),
                recipientHash(mail.recipient()), cipher.seal(mail.subject(), SUBJECT, publicId),
                cipher.seal(mail.bodyText(), BODY, publicId), mail.language());
    }

    /**
     * Empties every message to this address (recipient, subject and body become null) and cancels those not sent
     * yet; returns how many. MANDATORY: the erasure of a person is one transaction with its audit row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int erase(String recipient) {
        return store.erase(recipientHash(recipient));
    }

    /**
     * Empties the messages of one feature (kinds starting with {@code kindPrefix}, such as {@code newsletter.}) to
     * this address, as {@link #erase(String)} does for all; returns how many. MANDATORY for the same reason.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int erase(String recipient, String kindPrefix) {
        return store.erase(recipientHash(recipient), kindPrefix);
    }

    String recipientHash(String recipient) {
        return hash.of(RECIPIENT_HASH, PersonalDataHolder.normalize(recipient));
    }

    /**
     * Queues several mails of one change in a single statement (one round trip to the database instead of one per
     * mail); MANDATORY for the same reason as {@link #enqueue}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueAll(List<OutgoingMail> mails) {
        List<OutboxStore.NewMessage> sealed = new ArrayList<>(mails.size());
        for (OutgoingMail mail : mails) {
            sealed.add(sealed(mail));
        }
        store.insertAll(sealed, OffsetDateTime.now(ZoneOffset.UTC));
    }
}
