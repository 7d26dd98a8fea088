-- An organizer's note is sealed bound to its event (org.iskra.privacy.PersonalDataCipher, associated data: table,
-- column and public_id), so it cannot be moved onto another request's timeline unnoticed. Events that carry a note
-- get a random UUID from the application before the note is sealed; events without a note need none. Notes written
-- before get a public id made from the event's id, and keep their old sealing until "keys reseal" binds it.
alter table join_event add column public_id varchar(36);

update join_event set public_id = 'event-' || cast(id as varchar(20)) where note is not null;

alter table join_event add constraint join_event_public_id_unique unique (public_id);
