-- Optimistic locking for the editor: every change to a translation counts up its edit version, and a form that was
-- loaded from an older version may not overwrite a newer one. An article remembers who created it, so an author
-- sees their own articles.
alter table translation add column edit_version integer default 0 not null;
alter table article add column created_by varchar(200);
create index article_created_by on article (created_by);
