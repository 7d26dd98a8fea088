package org.iskra.accounts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.iskra.site.StaffContact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The staff accounts and their roles: the accounts feature owns these tables, the others ask {@link StaffAccounts}. */
@Repository
class StaffStore {

    record Credentials(long id, String email, String passwordHash, boolean enabled, boolean passwordMustChange) {
    }

    private record UserRow(long id, String email, String displayName, boolean enabled) {
    }

    private record MemberRow(long id, String email, String displayName, boolean enabled, boolean passwordSet,
                             OffsetDateTime passwordChangedAt) {
    }

    private final JdbcClient jdbc;

    StaffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyUser() {
        return jdbc.sql("select exists (select 1 from staff_user)").query(Boolean.class).single();
    }

    long insert(String email, String displayName, String passwordHash) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into staff_user (email, display_name, password_hash, password_changed_at) values (?, ?, ?, ?)")
                .params(normalize(email), displayName, passwordHash, OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void grant(long userId, StaffRole role) {
        jdbc.sql("insert into staff_role (user_id, role, scope) values (?, ?, ?)")
                .params(userId, role.role().name(), role.scope())
                .update();
    }

    void revoke(long userId, StaffRole role) {
        jdbc.sql("delete from staff_role where user_id = ? and role = ? and scope = ?")
                .params(userId, role.role().name(), role.scope())
                .update();
    }

    Optional<Credentials> credentials(String email) {
        return jdbc.sql("select id, email, password_hash, enabled, password_must_change from staff_user where email = ?")
                .param(normalize(email))
                .query(Credentials.class).optional();
    }

    Optional<StaffUser> find(String email) {
        return jdbc.sql("select id, email, display_name, enabled from staff_user where email = ?")
                .param(normalize(email))
                .query(UserRow.class).optional()
                .map(row -> new StaffUser(row.id(), row.email(), row.displayName(), row.enabled(), roles(row.id())));
    }

    Optional<String> interfaceLanguage(String email) {
        return jdbc.sql("select interface_language from staff_user where email = ?")
                .param(normalize(email))
                .query(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    void setInterfaceLanguage(String email, String code) {
        jdbc.sql("update staff_user set interface_language = ? where email = ?")
                .params(code, normalize(email))
                .update();
    }

    /** An account that waits for its invitation to be accepted: no password, so nobody can log in with it yet. */
    long insertInvited(String email, String displayName) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into staff_user (email, display_name) values (?, ?)")
                .params(normalize(email), displayName)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from staff_user where email = ?)").param(normalize(email))
                .query(Boolean.class).single();
    }

    int count() {
        return jdbc.sql("select count(*) from staff_user").query(Integer.class).single();
    }

    List<ManagedAccount> page(int offset, int limit) {
        List<MemberRow> rows = jdbc.sql("""
                        select id, email, display_name, enabled, password_hash is not null as password_set,
                               password_changed_at
                          from staff_user
                         order by lower(display_name), id
                         limit ? offset ?""")
                .params(limit, offset)
                .query(MemberRow.class).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<StaffRole>> roles = new LinkedHashMap<>();
        jdbc.sql("select user_id, role, scope from staff_role where user_id in (:ids) order by role, scope")
                .param("ids", rows.stream().map(MemberRow::id).toList())
                .query(rs -> {
                    roles.computeIfAbsent(rs.getLong("user_id"), id -> new ArrayList<>())
                            .add(new StaffRole(Role.valueOf(rs.getString("role")), rs.getString("scope")));
                });
        return rows.stream().map(row -> member(row, roles.getOrDefault(row.id(), List.of()))).toList();
    }

    Optional<ManagedAccount> member(long id) {
        return jdbc.sql("""
                        select id, email, display_name, enabled, password_hash is not null as password_set,
                               password_changed_at
                          from staff_user where id = ?""")
                .param(id)
                .query(MemberRow.class).optional()
                .map(row -> member(row, roles(row.id())));
    }

    private static ManagedAccount member(MemberRow row, List<StaffRole> roles) {
        return new ManagedAccount(new StaffUser(row.id(), row.email(), row.displayName(), row.enabled(), roles),
                !row.passwordSet(), row.passwordChangedAt());
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update staff_user set enabled = ? where id = ?").params(enabled, id).update();
    }

    void replaceRoles(long userId, List<StaffRole> roles) {
        jdbc.sql("delete from staff_role where user_id = ?").param(userId).update();
        roles.forEach(role -> grant(userId, role));
    }

    /** A password the user chose: it no longer has to be changed. */
    void setPassword(long id, String passwordHash, OffsetDateTime now) {
        jdbc.sql("update staff_user set password_hash = ?, password_changed_at = ?, password_must_change = false where id = ?")
                .params(passwordHash, now, id)
                .update();
    }

    /** The same password hashed again with today's settings (at login): the password did not change. */
    void rehash(String email, String passwordHash) {
        jdbc.sql("update staff_user set password_hash = ? where email = ?").params(passwordHash, normalize(email)).update();
    }

    void requirePasswordChange(long id) {
        jdbc.sql("update staff_user set password_must_change = true where id = ?").param(id).update();
    }

    /** Removes a scoped role from every account holding it, disabled ones included. */
    int revokeEverywhere(StaffRole role) {
        return jdbc.sql("delete from staff_role where role = ? and scope = ?")
                .params(role.role().name(), role.scope())
                .update();
    }

    /** The enabled holders of a role, e.g. everyone whose sessions end when the role becomes subject to a rule. */
    List<String> emailsWithRole(Role role) {
        return jdbc.sql("""
                        select distinct u.email from staff_user u join staff_role r on r.user_id = u.id
                         where r.role = ? order by u.email""")
                .param(role.name())
                .query(String.class).list();
    }

    List<String> emailsWithRole(Role role, String scope) {
        return jdbc.sql("""
                        select u.email from staff_user u join staff_role r on r.user_id = u.id
                         where u.enabled and r.role = ? and r.scope = ? order by u.email""")
                .params(role.name(), scope == null ? "" : scope)
                .query(String.class).list();
    }

    /** Enabled holders of a scoped role, e.g. a section's organizers, by name. */
    List<StaffContact> contactsWithRole(Role role, String scope) {
        return jdbc.sql("""
                        select u.id, u.email, u.display_name from staff_user u join staff_role r on r.user_id = u.id
                         where u.enabled and r.role = ? and r.scope = ?
                         order by u.display_name, u.id""")
                .params(role.name(), scope)
                .query(StaffContact.class).list();
    }

    /** The staff users with these ids, by name; only the enabled ones if asked. */
    List<StaffContact> contacts(Collection<Long> ids, boolean enabledOnly) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, email, display_name from staff_user where id in (:ids)"
                        + (enabledOnly ? " and enabled" : "") + " order by display_name, id")
                .param("ids", List.copyOf(ids))
                .query(StaffContact.class).list();
    }

    List<StaffRole> roles(long userId) {
        return jdbc.sql("select role, scope from staff_role where user_id = ? order by role, scope")
                .param(userId)
                .query((rs, n) -> new StaffRole(Role.valueOf(rs.getString("role")), rs.getString("scope")))
                .list();
    }

    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
