package org.iskra.newsletter;

import org.iskra.mail.OutgoingMail;
import org.iskra.site.IskraProperties;
import org.iskra.site.Language;
import org.iskra.site.Messages;
import org.iskra.site.PageFrames;
import org.springframework.stereotype.Component;

/** The mail a subscription asks for, in the language of the page it was sent from: plain text, one link each. */
@Component
class SubscriptionMails {

    private final PageFrames frames;
    private final SubscriberLinks links;
    private final IskraProperties site;

    SubscriptionMails(PageFrames frames, SubscriberLinks links, IskraProperties site) {
        this.frames = frames;
        this.links = links;
        this.site = site;
    }

    OutgoingMail confirmation(String email, String language, String linkId) {
        Messages t = frames.messages(new Language(language));
        String link = site.baseUrl() + "/" + language + "/newsletter/confirm/" + links.token(linkId, SubscriberLinks.CONFIRM);
        return new OutgoingMail("newsletter.confirmation", email, t.get("newsletter.mail.confirm.subject"),
                t.get("newsletter.mail.confirm.body", link), language);
    }

    OutgoingMail alreadySubscribed(String email, String language, String linkId) {
        Messages t = frames.messages(new Language(language));
        return new OutgoingMail("newsletter.already", email, t.get("newsletter.mail.already.subject"),
                t.get("newsletter.mail.already.body", manageUrl(language, linkId)), language);
    }

    String manageUrl(String language, String linkId) {
        return site.baseUrl() + "/" + language + "/newsletter/manage/" + links.token(linkId, SubscriberLinks.MANAGE);
    }

    String unsubscribeUrl(String language, String linkId) {
        return site.baseUrl() + "/" + language + "/newsletter/unsubscribe/" + links.token(linkId, SubscriberLinks.MANAGE);
    }
}
