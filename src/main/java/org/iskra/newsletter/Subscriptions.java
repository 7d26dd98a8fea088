package org.iskra.newsletter;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iskra.mail.BulkOutbox;
import org.iskra.mail.Outbox;
import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.privacy.KeyedHash;
import org.iskra.privacy.PersonalDataCipher;
import org.iskra.privacy.PersonalDataHolder;
import org.iskra.privacy.SealedField;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's subscription from the form to its end: subscribing (double opt-in: a pending subscription until the
 * link in the confirmation mail is used), confirming, changing the languages and regions, unsubscribing, and the
 * mail server's refusals of the address. Subscribing an address again changes nothing and the answer is the same
 * whatever the address's state: a pending one gets its confirmation again, a confirmed one a note with the link to
 * manage it (each mail limited per address by the form). So the form tells nobody whether an address is on the list.
 */
@Service
class Subscriptions {

    /** The subscriber's address, sealed and bound to the row's link id (known before the row is stored). */
    static final SealedField EMAIL = new SealedField("newsletter_subscriber", "email", "newsletter_subscriber.email");
    /** The purpose of the keyed hash that finds an address on the list. */
    static final String EMAIL_HASH = "newsletter_subscriber.email";
    static final String MAIL_KINDS = "newsletter.";
    static final String BULK_KIND = "newsletter";
    /** After this many permanent refusals of the address by the mail server, nothing more is sent to it. */
    static final int MAX_REFUSALS = 3;
    private static final Pattern CODE_IN_TEXT = Pattern.compile("[A-Za-z0-9_-]{22}\\.[0-9a-f]{32}");

    /** Someone's choice on the form: the address as typed, the languages to receive, the regions (none: all). */
    record Choice(String email, List<String> languages, List<String> regions, String pageLanguage, String sourcePath) {
    }

    /** A subscription as its owner manages it. */
    record Preferences(String language, String status, List<String> languages, List<String> regions) {
    }

    private final SubscriberStore store;
    private final SubscriberLinks links;
    private final SubscriptionMails mails;
    private final Outbox outbox;
    private final BulkOutbox bulk;
    private final PersonalDataCipher cipher;
    private final KeyedHash hash;
    private final NewsletterProperties properties;
    private final AuditLog audit;

    Subscriptions(SubscriberStore store, SubscriberLinks links, SubscriptionMails mails, Outbox outbox, BulkOutbox bulk,
                  PersonalDataCipher cipher, KeyedHash hash, NewsletterProperties properties, AuditLog audit) {
        this.store = store;
        this.links = links;
        this.mails = mails;
        this.outbox = outbox;
        this.bulk = bulk;
        this.cipher = cipher;
        this.hash = hash;
        this.properties = properties;
        this.audit = audit;
    }

    String emailHash(String email) {
        return hash.of(EMAIL_HASH, PersonalDataHolder.normalize(email));
    }

    /** Records the choice (or finds the address on the list) and queues the mail it calls for, in one transaction. */
    @Transactional
    public void subscribe(Choice choice) {
        OffsetDateTime now = now();
        String email = choice.email().strip();
        Optional<SubscriberStore.Row> known = store.byEmailHash(emailHash(email));
        if (known.isEmpty()) {
            String linkId = links.newLinkId();
            long id = store.insert(cipher.seal(email, EMAIL, linkId), emailHash(email), linkId, choice.pageLanguage(),
                    choice.sourcePath(), now);
            store.choose(id, choice.languages(), choice.regions());
            outbox.enqueue(mails.confirmation(email, choice.pageLanguage(), linkId));
        } else if ("pending".equals(known.get().status())) {
            outbox.enqueue(mails.confirmation(email, choice.pageLanguage(), known.get().linkId()));
        } else {
            outbox.enqueue(mails.alreadySubscribed(email, choice.pageLanguage(), known.get().linkId()));
        }
    }

    /** Confirms the subscription whose confirmation link this is; its language, or empty for an unknown or old link. */
    @Transactional
    public Optional<String> confirm(String token) {
        Optional<SubscriberStore.Row> row = links.linkId(token, SubscriberLinks.CONFIRM).flatMap(store::byLinkId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        SubscriberStore.Row r = row.get();
        if ("confirmed".equals(r.status())) {
            return Optional.of(r.language());
        }
        if (!"pending".equals(r.status()) || r.createdAt().isBefore(now().minus(properties.confirmationLifetime()))) {
            return Optional.empty();
        }
        store.confirm(r.id(), now());
        return Optional.of(r.language());
    }

    /** Whether a confirmation link is one that {@link #confirm} would take, to show its page. */
    @Transactional
    public boolean confirmable(String token) {
        return links.linkId(token, SubscriberLinks.CONFIRM).flatMap(store::byLinkId)
                .filter(r -> "confirmed".equals(r.status()) || "pending".equals(r.status())).isPresent();
    }

    /** The subscription a manage or unsubscribe link names, while it lasts. */
    @Transactional
    public Optional<Preferences> preferences(String token) {
        return active(token).map(r -> new Preferences(r.language(), r.status(), store.languages(r.id()), store.regions(r.id())));
    }

    @Transactional
    public boolean change(String token, List<String> languages, List<String> regions) {
        Optional<SubscriberStore.Row> row = active(token);
        row.ifPresent(r -> store.choose(r.id(), languages, regions));
        return row.isPresent();
    }

    /**
     * Ends the subscription this link names (RFC 8058's one click, or the button on its page). A link of a
     * subscription that ended before is answered the same: the reader is unsubscribed either way. False for a link
     * that was never valid.
     */
    @Transactional
    public boolean unsubscribe(String token) {
        Optional<String> linkId = links.linkId(token, SubscriberLinks.MANAGE);
        if (linkId.isEmpty()) {
            return false;
        }
        store.byLinkId(linkId.get()).filter(SubscriberStore.Row::active).ifPresent(r -> end(r, "unsubscribed"));
        return true;
    }

    /** Whether the manage/unsubscribe link is one Iskra made (the subscription it names may have ended). */
    boolean validLink(String token) {
        return links.linkId(token, SubscriberLinks.MANAGE).isPresent();
    }

    /**
     * An administrator answering a mail to the unsubscribe address: the code in its subject (from the mailto link of
     * {@code List-Unsubscribe}), else the address it came from, ends the subscription. Audited: it is a lookup in
     * the list. Whether there was one to end.
     */
    @Transactional
    public boolean unsubscribeRequest(String given, Actor actor) {
        Matcher code = CODE_IN_TEXT.matcher(given);
        Optional<SubscriberStore.Row> row = Optional.empty();
        if (code.find()) {
            row = links.linkId(code.group(), SubscriberLinks.MANAGE).flatMap(store::byLinkId);
        } else if (given.indexOf('@') > 0) {
            row = store.byEmailHash(emailHash(given));
        }
        row = row.filter(SubscriberStore.Row::active);
        row.ifPresent(r -> end(r, "unsubscribed"));
        audit.record(actor, "newsletter.unsubscribe", "newsletter_subscriber", row.map(r -> String.valueOf(r.id())).orElse(null),
                null, "by=" + (code.find(0) ? "code" : "address") + " found=" + row.isPresent());
        return row.isPresent();
    }

    /** Runs in the bulk sender's transaction: the third refusal ends the subscription. */
    public void refused(long subscriberId) {
        if (store.refuse(subscriberId) >= MAX_REFUSALS) {
            store.byId(subscriberId).filter(SubscriberStore.Row::active).ifPresent(r -> end(r, "refused"));
        }
    }

    /**
     * Ends a subscription: the address goes from the subscriber's row and from the newsletter's own mail in the
     * outbox, copies not sent yet are cancelled. Runs in the caller's transaction.
     */
    void end(SubscriberStore.Row row, String status) {
        String email = row.email() == null ? null : cipher.open(row.email(), EMAIL, row.linkId());
        store.end(row.id(), status, now());
        bulk.cancel(BULK_KIND, row.id());
        if (email != null) {
            outbox.erase(email, MAIL_KINDS);
        }
    }

    private Optional<SubscriberStore.Row> active(String token) {
        return links.linkId(token, SubscriberLinks.MANAGE).flatMap(store::byLinkId).filter(SubscriberStore.Row::active);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
