package org.iskra.accounts;

import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/** The model of the back office's front page: who is logged in and what they may open. */
public record BackOfficeHome(PageFrame frame, StaffUser user, List<String> roleNames, String csrfParameter, String csrfToken,
                             boolean mayReadTranslations, boolean mayWrite, boolean mayFollowUpJoinRequests,
                             boolean administrator) {

    public Messages t() {
        return frame.t();
    }

    /** The newsletter's counts and mailings: for those who publish. */
    public boolean maySeeNewsletter() {
        return user.has(Role.ADMINISTRATOR) || user.has(Role.EDITOR);
    }
}
