-- Jobs that must run on exactly one node at a time when several share the database (scheduled publishing,
-- join-request reminders, retention). A node holds a job while locked_until is in the future; holding it is one
-- conditional UPDATE, so two nodes racing for it cannot both win.
create table job_lock (
    name          varchar(100) not null primary key,
    locked_until  timestamp with time zone not null,
    locked_at     timestamp with time zone not null,
    locked_by     varchar(100) not null
);
