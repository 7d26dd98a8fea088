-- The one-time link that lets an invited staff user choose a password. Only the SHA-256 hash of the token is kept,
-- so a copy of the database opens no account. One invitation per user: sending it again replaces the token.
create table staff_invitation (
    user_id     bigint       not null primary key references staff_user (id),
    token_hash  varchar(64)  not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    created_at  timestamp with time zone default current_timestamp not null,
    constraint staff_invitation_token_unique unique (token_hash)
);
