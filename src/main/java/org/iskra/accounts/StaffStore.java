package org.iskra.accounts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class StaffStore {

    record Credentials(long id, String email, String passwordHash, boolean enabled) {
    }

    private record UserRow(long id, String email, String displayName, boolean enabled) {
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
        return jdbc.sql("select id, email, password_hash, enabled from staff_user where email = ?")
                .param(normalize(email))
                .query(Credentials.class).optional();
    }

    Optional<StaffUser> find(String email) {
        return jdbc.sql("select id, email, display_name, enabled from staff_user where email = ?")
                .param(normalize(email))
                .query(UserRow.class).optional()
                .map(row -> new StaffUser(row.id(), row.email(), row.displayName(), row.enabled(), roles(row.id())));
    }

    List<String> emailsWithRole(Role role, String scope) {
        return jdbc.sql("""
                        select u.email from staff_user u join staff_role r on r.user_id = u.id
                         where u.enabled and r.role = ? and r.scope = ? order by u.email""")
                .params(role.name(), scope == null ? "" : scope)
                .query(String.class).list();
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
