package org.iskra.accounts;

import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The staff sessions stored in the database, found by the user's email (Spring Session indexes the principal name),
 * so that logging out everywhere, disabling a user or changing a password reaches every node at once.
 */
@Component
@ConditionalOnWebApplication
class StaffSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    int count(String email) {
        return sessions.findByPrincipalName(StaffStore.normalize(email)).size();
    }

    void endAll(String email) {
        endAllBut(email, null);
    }

    /** Ends every session of this user but {@code keep} (the id of the session making the request, or null). */
    void endAllBut(String email, String keep) {
        Set<String> ids = sessions.findByPrincipalName(StaffStore.normalize(email)).keySet();
        for (String id : ids) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
            }
        }
    }
}
