-- The uploaded original of an image and the bytes of each variant. Both are null for images stored before media
-- moved into the database: their originals were not kept, and their variants' files are copied in by each node
-- that still has them in its data folder's media/ (LegacyMediaFolder), then by the restore of an older backup.
alter table media add column original_hash varchar(64) references media_blob (hash);
alter table media_variant add column blob_hash varchar(64) references media_blob (hash);
