-- A message's sealed recipient, subject and body are bound to the message (org.iskra.privacy.PersonalDataCipher,
-- associated data: table, column and public_id), so that none of them can be moved into another message unnoticed.
-- New messages get a random UUID from the application before their values are sealed; messages queued before get
-- one made from their id, and keep their old sealing until "keys reseal" binds it.
alter table outbox_message add column public_id varchar(36);

update outbox_message set public_id = 'outbox-' || cast(id as varchar(20));

alter table outbox_message alter column public_id set not null;

alter table outbox_message add constraint outbox_message_public_id_unique unique (public_id);
