-- The audit log becomes tamper-evident: each row carries its place in one chain (seq, 1, 2, 3 … with no gap), the
-- hash of the row before it and its own hash, SHA-256 over that previous hash and the row's content (see
-- privacy.AuditChain). audit_chain holds the chain's head; appending takes its row lock first, so the rows of
-- transactions committing at the same time, on one node or several, still line up one after the other.
-- Rows written before this migration keep seq null: V33 seals them (legacy_rows rows up to id legacy_max_id, linked
-- in id order, ending in legacy_hash), and the first new row links to that seal. No audit row is ever updated.
alter table audit_event add column seq bigint;

alter table audit_event add column prev_hash varchar(64);

alter table audit_event add column hash varchar(64);

create unique index audit_event_seq on audit_event (seq);

create table audit_chain (
    id             integer     not null primary key,
    last_seq       bigint      not null,
    last_hash      varchar(64) not null,
    legacy_rows    bigint      not null default 0,
    legacy_max_id  bigint      not null default 0,
    legacy_hash    varchar(64) not null default '0000000000000000000000000000000000000000000000000000000000000000',
    constraint audit_chain_one_row check (id = 1)
);

insert into audit_chain (id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
