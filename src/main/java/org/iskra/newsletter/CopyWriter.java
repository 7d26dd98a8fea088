package org.iskra.newsletter;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.iskra.mail.BulkMailSource;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.iskra.site.PageRenderer;
import org.springframework.stereotype.Component;

/**
 * One subscriber's copy of a mailing: plain text and HTML made from the articles (title, standfirst, link, the lead
 * image as a link to the site's media, never attached), the link to manage the subscription, and the headers that
 * let the reader's mail program unsubscribe them in one click (RFC 2369 {@code List-Unsubscribe} with an https link
 * and a mailto, RFC 8058 {@code List-Unsubscribe-Post}).
 */
@Component
class CopyWriter {

    private final PageFrames frames;
    private final PageRenderer renderer;
    private final SubscriptionMails mails;
    private final SubscriberLinks links;
    private final IskraProperties site;
    private final String unsubscribeAddress;
    private final String host;

    CopyWriter(PageFrames frames, PageRenderer renderer, SubscriptionMails mails, SubscriberLinks links,
               IskraProperties site, NewsletterProperties properties) {
        this.frames = frames;
        this.renderer = renderer;
        this.mails = mails;
        this.links = links;
        this.site = site;
        this.unsubscribeAddress = address(properties.unsubscribeAddress());
        String siteHost = URI.create(site.baseUrl()).getHost();
        this.host = siteHost == null ? "localhost" : siteHost;
    }

    BulkMailSource.Copy copy(SendStore.Send send, List<SendStore.SentArticle> articles, String email, String linkId) {
        Language language = new Language(send.language());
        Messages t = frames.messages(language);
        String manage = mails.manageUrl(language.code(), linkId);
        String unsubscribe = mails.unsubscribeUrl(language.code(), linkId);
        List<MailModel.Entry> entries = new ArrayList<>(articles.size());
        for (SendStore.SentArticle a : articles) {
            entries.add(new MailModel.Entry(a.title(), a.standfirst(), site.baseUrl() + a.path(),
                    a.imagePath() == null ? null : site.baseUrl() + a.imagePath()));
        }
        String intro = "digest".equals(send.kind()) ? t.get("newsletter.digest.intro", entries.size())
                : t.get("newsletter.single.intro");
        MailModel model = new MailModel(t, send.subject(), intro, entries, site.baseUrl() + "/" + language.code() + "/",
                manage, unsubscribe);
        String html = new String(renderer.render("newsletter/mail.jte", model), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        String mailto = "mailto:" + unsubscribeAddress + "?subject="
                + URLEncoder.encode("unsubscribe " + links.token(linkId, SubscriberLinks.MANAGE), StandardCharsets.UTF_8)
                .replace("+", "%20");
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">, <" + mailto + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "<newsletter-" + language.code() + "." + host + ">");
        return new BulkMailSource.Copy(email, send.subject(), text(t, intro, entries, manage, unsubscribe), html, headers);
    }

    private static String text(Messages t, String intro, List<MailModel.Entry> entries, String manage, String unsubscribe) {
        StringBuilder text = new StringBuilder(intro).append("\n\n");
        for (MailModel.Entry e : entries) {
            text.append(e.title()).append('\n');
            if (e.standfirst() != null && !e.standfirst().isBlank()) {
                text.append(e.standfirst()).append('\n');
            }
            text.append(e.url()).append("\n\n");
        }
        text.append("-- \n")
                .append(t.get("newsletter.mail.manage")).append(' ').append(manage).append('\n')
                .append(t.get("newsletter.mail.unsubscribe")).append(' ').append(unsubscribe).append('\n');
        return text.toString();
    }

    private static String address(String configured) {
        try {
            return new InternetAddress(configured, true).getAddress();
        } catch (AddressException e) {
            throw new IllegalStateException("iskra.newsletter.unsubscribe-address (ISKRA_NEWSLETTER_UNSUBSCRIBE_ADDRESS)"
                    + " is not an address such as unsubscribe@example.org", e);
        }
    }
}
