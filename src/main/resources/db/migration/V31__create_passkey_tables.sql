-- Passkeys (WebAuthn) of staff users, in the tables Spring Security's JDBC repositories read and write (its
-- documented schema, like spring_session's): user_entities holds the random WebAuthn user handle of each staff user
-- (name is the staff user's email), user_credentials each registered public key. Stored in the database so every
-- node knows every passkey.
create table user_entities (
    id            varchar(1000) not null primary key,
    name          varchar(320)  not null,
    display_name  varchar(200),
    constraint user_entities_name_unique unique (name)
);

create table user_credentials (
    credential_id                 varchar(1000) not null primary key,
    user_entity_user_id           varchar(1000) not null references user_entities (id),
    public_key                    bytea         not null,
    signature_count               bigint,
    uv_initialized                boolean,
    backup_eligible               boolean       not null,
    authenticator_transports      varchar(1000),
    public_key_credential_type    varchar(100),
    backup_state                  boolean       not null,
    attestation_object            bytea,
    attestation_client_data_json  bytea,
    created                       timestamp,
    last_used                     timestamp,
    label                         varchar(1000) not null
);

create index user_credentials_user on user_credentials (user_entity_user_id);
