package org.iskra.newsletter;

import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of a subscriber's own page: the languages and regions they receive, and leaving. */
public record ManagePage(PageFrame frame, String action, String unsubscribeAction, List<Option> languages,
                         List<Option> regions, String notice, String error) {

    public Messages t() {
        return frame.t();
    }
}
