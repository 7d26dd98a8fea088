-- A TOTP secret is sealed bound to its row (like applicants' data, see privacy.PersonalDataCipher): each row gets a
-- public id the application chooses before sealing. Rows written before carry their id in it; their secrets were
-- sealed for the column only, and keys reseal binds them.
alter table staff_totp add column public_id varchar(40);
update staff_totp set public_id = 'totp-' || cast(id as varchar(20));
alter table staff_totp alter column public_id set not null;
alter table staff_totp add constraint staff_totp_public_id unique (public_id);
