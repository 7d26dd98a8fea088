-- Old addresses of articles: an imported site's URLs (Hugo aliases and permalinks, WordPress permalinks and /?p=ID)
-- and former slugs. A path that shows nothing answers 301 to the article's current address in that language.
-- The path is stored percent-decoded, without a trailing slash, with its query when the query names the page.
create table article_redirect (
    path        varchar(1000) primary key,
    article_id  bigint        not null references article (id),
    language    varchar(16)   not null,
    created_at  timestamp with time zone default current_timestamp not null
);

create index article_redirect_article on article_redirect (article_id);
