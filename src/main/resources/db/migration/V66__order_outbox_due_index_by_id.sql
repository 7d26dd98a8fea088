-- The claim of due mail (mail/Leases) orders by status, next_attempt_at, id, and reads the first rows in the order
-- of an index on exactly those columns; the bulk outbox's index has all three since migration 51. The transactional
-- outbox's had two: H2 sorted each run of equal due times again ("index sorted: 2 of 3 columns"), and PostgreSQL
-- needed an incremental sort on top of the index. A backlog during a mail outage is when both cost most.
drop index outbox_message_due;
create index outbox_message_due on outbox_message (status, next_attempt_at, id);
