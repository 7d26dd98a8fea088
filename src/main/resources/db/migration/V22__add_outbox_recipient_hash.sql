-- Mail to an applicant must be found (to export it) and emptied (to erase it) by who it went to, without opening
-- every message: recipient_hash is a keyed hash of the address (org.iskra.privacy.KeyedHash, purpose
-- outbox.recipient, address stripped and in lower case), null for mail queued before it existed. An erased message
-- keeps its kind, language, status and dates; its sealed columns become null. A pending message that is erased is
-- cancelled: it must never be sent.
alter table outbox_message add column recipient_hash varchar(64);

alter table outbox_message alter column recipient drop not null;

alter table outbox_message alter column subject drop not null;

alter table outbox_message alter column body_text drop not null;

alter table outbox_message drop constraint outbox_message_status_known;

alter table outbox_message add constraint outbox_message_status_known
    check (status in ('pending', 'sent', 'failed', 'cancelled'));

create index outbox_message_recipient_hash on outbox_message (recipient_hash);
