-- Erasure and retention of join requests. An erased request keeps its non-personal facts (country, section,
-- language, dates, status, events) and loses its personal columns, which become null; erased_at says when.
-- Each section says how long its closed requests (not interested, unreachable, spam) and its requests never
-- confirmed are kept before Iskra erases them.
alter table join_request add column erased_at timestamp with time zone;

alter table join_request alter column name drop not null;

alter table join_request alter column email drop not null;

alter table join_request alter column city drop not null;

alter table join_request alter column email_hash drop not null;

alter table section add column closed_retention_days integer not null default 180;

alter table section add column unconfirmed_retention_days integer not null default 30;

alter table section add constraint section_retention_positive
    check (closed_retention_days > 0 and unconfirmed_retention_days > 0);
