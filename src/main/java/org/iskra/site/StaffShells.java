package org.iskra.site;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Makes the staff layout's shell for a back-office request. The accounts feature knows who is signed in and what
 * their roles open, and implements this; the site's frames ask it, since accounts depends on site and not the
 * other way round.
 */
public interface StaffShells {

    StaffShell of(HttpServletRequest request);
}
