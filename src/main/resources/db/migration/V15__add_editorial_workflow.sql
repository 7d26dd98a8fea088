-- The editorial workflow: a translation goes draft → review → scheduled → published → unpublished, and a scheduled
-- one is published by a job once its time has come.
alter table translation drop constraint translation_status_known;
alter table translation add constraint translation_status_known
    check (status in ('draft', 'review', 'scheduled', 'published', 'unpublished'));
alter table translation add column scheduled_at timestamp with time zone;
create index translation_status_scheduled on translation (status, scheduled_at);
