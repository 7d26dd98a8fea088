package org.iskra.newsletter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.iskra.mail.BulkMailSource;
import org.iskra.privacy.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Makes each subscriber's copy of a mailing when the outbox sends it: the mailing's articles that concern the
 * regions they chose, their own links, their address opened only now. A subscriber who left meanwhile gets nothing.
 */
@Component
class NewsletterMail implements BulkMailSource {

    /** What a mailing says, read once per node and kept while its copies go out. */
    record Content(SendStore.Send send, List<SendStore.SentArticle> articles) {
    }

    private static final int CONTENTS_KEPT = 50;

    private final SendStore sends;
    private final SubscriberStore subscribers;
    private final Subscriptions subscriptions;
    private final CopyWriter writer;
    private final PersonalDataCipher cipher;
    private final NewsletterProperties properties;
    private final Map<Long, Content> contents = new ConcurrentHashMap<>();

    NewsletterMail(SendStore sends, SubscriberStore subscribers, Subscriptions subscriptions, CopyWriter writer,
                   PersonalDataCipher cipher, NewsletterProperties properties) {
        this.sends = sends;
        this.subscribers = subscribers;
        this.subscriptions = subscriptions;
        this.writer = writer;
        this.cipher = cipher;
        this.properties = properties;
    }

    @Override
    public String kind() {
        return Subscriptions.BULK_KIND;
    }

    @Override
    public double ratePerSecond() {
        return properties.rate();
    }

    @Override
    public List<Optional<Copy>> compose(List<Item> items) {
        Map<Long, SubscriberStore.Recipient> recipients = subscribers.recipients(items.stream().map(Item::recipientRef).toList());
        List<Optional<Copy>> copies = new ArrayList<>(items.size());
        for (Item item : items) {
            SubscriberStore.Recipient recipient = recipients.get(item.recipientRef());
            Optional<Content> content = content(item.batchId());
            if (recipient == null || !"confirmed".equals(recipient.status()) || recipient.email() == null || content.isEmpty()) {
                copies.add(Optional.empty());
                continue;
            }
            List<SendStore.SentArticle> theirs = concerning(content.get().articles(), recipient.regions());
            if (theirs.isEmpty()) {
                copies.add(Optional.empty());
                continue;
            }
            String email = cipher.open(recipient.email(), Subscriptions.EMAIL, recipient.linkId());
            copies.add(Optional.of(writer.copy(content.get().send(), theirs, email, recipient.linkId())));
        }
        return copies;
    }

    @Override
    public void refused(Item item) {
        subscriptions.refused(item.recipientRef());
    }

    /** Mailings whose counts are kept in {@code newsletter_send}: the admin pages read them there once finished. */
    @Override
    public List<Long> countedBefore(OffsetDateTime before) {
        return sends.finishedBefore(before);
    }

    /** Articles without a region concern everyone, as do all articles for those who chose no region. */
    static List<SendStore.SentArticle> concerning(List<SendStore.SentArticle> articles, Set<String> chosen) {
        if (chosen.isEmpty()) {
            return articles;
        }
        return articles.stream()
                .filter(a -> a.regionSlugs().isEmpty() || a.regionSlugs().stream().anyMatch(chosen::contains))
                .toList();
    }

    private Optional<Content> content(long sendId) {
        Content kept = contents.get(sendId);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<Content> read = sends.find(sendId).map(send -> new Content(send, sends.articlesOf(sendId)));
        read.ifPresent(content -> {
            if (contents.size() >= CONTENTS_KEPT) {
                contents.clear();
            }
            contents.put(sendId, content);
        });
        return read;
    }
}
