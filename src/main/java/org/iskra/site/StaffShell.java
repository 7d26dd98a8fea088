package org.iskra.site;

import java.util.List;

/**
 * What the staff layout shows around a back-office page: who is signed in and the areas they may open, the one
 * they are in marked. Before the login is complete (login, second factor, new password, invitation) there is no one
 * to name and nothing to navigate to, and the layout shows the brand alone.
 *
 * @param signedIn       the signed-in staff member's name (or email), or null before the login is complete
 * @param areas          the back-office areas this person may open, in the order the navigation lists them
 * @param homeCurrent    whether the page is the back office's front page, which the brand links to
 * @param accountCurrent whether the page is the staff member's own account page
 * @param logout         the CSRF field of the logout form, or null (no one to log out, or no token in the request)
 */
public record StaffShell(String signedIn, List<Area> areas, boolean homeCurrent, boolean accountCurrent,
                         CsrfField logout) {

    /** One entry of the navigation: where it leads, the message key of its name, whether the page is in it. */
    public record Area(String href, String labelKey, boolean current) {
    }

    public StaffShell {
        areas = List.copyOf(areas);
    }

    /** The shell of the pages before the login is complete: the brand, no navigation. */
    public static StaffShell beforeLogin() {
        return new StaffShell(null, List.of(), false, false, null);
    }

    /** This shell with the logout form's CSRF field. */
    public StaffShell withLogout(CsrfField field) {
        return new StaffShell(signedIn, areas, homeCurrent, accountCurrent, signedIn == null ? null : field);
    }

    public boolean signedInNow() {
        return signedIn != null;
    }
}
