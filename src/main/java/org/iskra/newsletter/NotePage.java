package org.iskra.newsletter;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * A page that says one thing, with at most one button (a form that posts to {@code action}) and one link: check
 * your inbox, confirm, confirmed, unsubscribe, unsubscribed.
 */
public record NotePage(PageFrame frame, String heading, String text, String action, String button, String link,
                       String linkText) {

    static NotePage text(PageFrame frame, String heading, String text) {
        return new NotePage(frame, heading, text, null, null, null, null);
    }

    NotePage withButton(String postTo, String label) {
        return new NotePage(frame, heading, text, postTo, label, link, linkText);
    }

    NotePage withLink(String href, String label) {
        return new NotePage(frame, heading, text, action, button, href, label);
    }

    public Messages t() {
        return frame.t();
    }
}
