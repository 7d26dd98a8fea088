-- Languages added to the site by an import (import --add-languages), served beside those ISKRA_LANGUAGES names.
-- Their names and writing direction come from CLDR (ICU) at run time; only the code is the site's decision.
create table site_language (
    code      varchar(16)  primary key,
    added_at  timestamp with time zone default current_timestamp not null,
    added_by  varchar(200) not null
);
