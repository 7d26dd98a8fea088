package org.iskra.accounts;

import java.util.List;
import java.util.Optional;

import org.iskra.privacy.Actor;
import org.iskra.privacy.AuditLog;
import org.iskra.site.Language;
import org.iskra.site.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to staff accounts: invite, change roles, disable and re-enable, end sessions. Nobody is
 * deleted: their actions stay on record under their name. An administrator may not lock themselves out, so there is
 * always one administrator left.
 */
@Service
@ConditionalOnWebApplication
class StaffAdministration {

    private static final Logger log = LoggerFactory.getLogger(StaffAdministration.class);

    /** Staff listed per page. */
    static final int PAGE_SIZE = 50;

    private final StaffStore store;
    private final Invitations invitations;
    private final StaffSessions sessions;
    private final AuditLog audit;

    StaffAdministration(StaffStore store, Invitations invitations, StaffSessions sessions, AuditLog audit) {
        this.store = store;
        this.invitations = invitations;
        this.sessions = sessions;
        this.audit = audit;
    }

    int count() {
        return store.count();
    }

    List<ManagedAccount> page(int page) {
        return store.page((page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    ManagedAccount member(long id) {
        return store.member(id).orElseThrow(NotFoundException::new);
    }

    Optional<ManagedAccount> member(String email) {
        return store.find(email).flatMap(user -> store.member(user.id()));
    }

    /** How the staff member with this login signs what they send (an invitation): their name, else the address. */
    String signature(String email) {
        return member(email).map(m -> m.user().displayName()).orElse(email);
    }

    int sessionCount(ManagedAccount member) {
        return sessions.count(member.user().email());
    }

    List<String> emailsWithRole(Role role) {
        return store.emailsWithRole(role);
    }

    boolean emailTaken(String email) {
        return store.emailTaken(email);
    }

    /**
     * Creates an account without a password and mails its holder a link to choose one, in {@code language} (the
     * inviting administrator's).
     *
     * @throws org.springframework.dao.DuplicateKeyException when the address has an account already
     */
    @Transactional
    long invite(String email, String displayName, List<StaffRole> roles, String inviterName, Language language, Actor actor) {
        long id = store.insertInvited(email, displayName);
        roles.forEach(role -> store.grant(id, role));
        invitations.send(member(id).user(), inviterName, language);
        audit.record(actor, "staff.invite", "staff_user", String.valueOf(id), null, "roles=" + describe(roles));
        log.info("Staff user {} invited with roles {}", id, roles);
        return id;
    }

    /** A new link for someone who has not accepted yet; the old link stops working. */
    @Transactional
    void resendInvitation(long id, String inviterName, Language language, Actor actor) {
        ManagedAccount member = member(id);
        if (!member.invitationPending()) {
            throw new StaffChangeRejectedException("accounts.users.error.not-pending");
        }
        if (!member.user().enabled()) {
            throw new StaffChangeRejectedException("accounts.users.error.disabled");
        }
        invitations.send(member.user(), inviterName, language);
        audit.record(actor, "staff.invite.again", "staff_user", String.valueOf(id), null, null);
        log.info("Invitation of staff user {} sent again", id);
    }

    /** Disabling ends the user's sessions at once: a stolen session is useless the moment its user is disabled. */
    @Transactional
    void setEnabled(String actorEmail, long id, boolean enabled, Actor actor) {
        ManagedAccount member = member(id);
        if (!enabled && isSelf(actorEmail, member)) {
            throw new StaffChangeRejectedException("accounts.users.error.self-disable");
        }
        store.setEnabled(id, enabled);
        if (!enabled) {
            sessions.endAll(member.user().email());
        }
        audit.record(actor, enabled ? "staff.enable" : "staff.disable", "staff_user", String.valueOf(id), null, null);
        log.info("Staff user {} {}", id, enabled ? "enabled" : "disabled, sessions ended");
    }

    /**
     * Replaces the user's roles. Their sessions carry the roles they logged in with, so they end, and the user logs
     * in again with the new ones; an administrator changing their own roles keeps the session they are using.
     */
    @Transactional
    void changeRoles(String actorEmail, long id, List<StaffRole> roles, String keepSession, Actor actor) {
        ManagedAccount member = member(id);
        boolean self = isSelf(actorEmail, member);
        if (self && roles.stream().noneMatch(r -> r.role() == Role.ADMINISTRATOR)) {
            throw new StaffChangeRejectedException("accounts.users.error.self-administrator");
        }
        store.replaceRoles(id, roles);
        sessions.endAllBut(member.user().email(), self ? keepSession : null);
        audit.record(actor, "staff.roles", "staff_user", String.valueOf(id), null,
                "from=" + describe(member.user().roles()) + " to=" + describe(roles));
        log.info("Staff user {} now has roles {}", id, roles);
    }

    @Transactional
    void endSessions(long id, Actor actor) {
        sessions.endAll(member(id).user().email());
        audit.record(actor, "staff.sessions.end", "staff_user", String.valueOf(id), null, "by=administrator");
        log.info("Sessions of staff user {} ended by an administrator", id);
    }

    /** Roles as the audit log names them: {@code ORGANIZER:armenia,TRANSLATOR:ru}. */
    static String describe(List<StaffRole> roles) {
        return String.join(",", roles.stream()
                .map(r -> r.role().name() + (r.scope().isEmpty() ? "" : ":" + r.scope())).sorted().toList());
    }

    private static boolean isSelf(String actorEmail, ManagedAccount member) {
        return StaffStore.normalize(actorEmail).equals(member.user().email());
    }
}
