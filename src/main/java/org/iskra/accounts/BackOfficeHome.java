package org.iskra.accounts;

import java.util.List;

import org.iskra.site.Messages;
import org.iskra.site.PageFrame;

/**
 * The model of the back office's front page: who is logged in and with which roles. The areas they may open are
 * the staff layout's navigation, around every page; this page adds only what the navigation has no place for.
 *
 * @param answersUnsubscribeMail whether the person is an administrator, who answers unsubscribe requests sent by mail
 */
public record BackOfficeHome(PageFrame frame, StaffUser user, List<String> roleNames, boolean answersUnsubscribeMail) {

    public Messages t() {
        return frame.t();
    }
}
