-- How often each article was read, per language and day (UTC): the translators' queue puts the most-read originals
-- first. Each node adds its counts about once a minute; nothing about readers is kept.
create table article_read (
    article_id  bigint      not null references article (id),
    language    varchar(16) not null,
    read_on     date        not null,
    reads       bigint      not null,
    constraint article_read_pk primary key (article_id, language, read_on)
);

create index article_read_day on article_read (read_on);
