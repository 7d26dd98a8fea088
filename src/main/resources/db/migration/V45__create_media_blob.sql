-- The bytes of media, originals and variants alike, stored once under the SHA-256 of their content and never
-- changed. location says where the bytes are: 'database' in media_blob_chunk below, 's3' in the object store under
-- the hash (ISKRA_MEDIA_STORE=s3). Every node reads them from there and keeps the variants it served on its disk.
create table media_blob (
    hash        varchar(64) not null primary key,
    byte_size   bigint      not null,
    location    varchar(16) not null,
    created_at  timestamp with time zone default current_timestamp not null
);

-- The bytes of a blob kept in the database, in pieces of at most 128 KiB: a node reads, writes and backs up one
-- piece at a time, so an image of 25 MB never has to fit in a heap of 64 MB at once (a bytea value is read whole).
create table media_blob_chunk (
    hash   varchar(64) not null references media_blob (hash),
    seq    integer     not null,
    bytes  bytea       not null,
    constraint media_blob_chunk_pk primary key (hash, seq)
);
